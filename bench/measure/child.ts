import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Run a measuring script in a fresh Node process (tsx loaded as an import hook, no
 * wrapper process) and read the JSON line it prints. A child that outlives its time
 * limit is killed, so the benchmark never hangs.
 */

const TSX = import.meta.resolve('tsx');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Run `bench/measure/<script>` with arguments (and Node flags); resolves with its JSON result. */
export function runChild<T>(script: string, args: readonly string[], timeoutMs: number, nodeFlags: readonly string[] = []): Promise<T> {
  const file = fileURLToPath(new URL(`./${script}`, import.meta.url));
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', TSX, file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        // The thrown error's own line says more than the stack frames printed after it.
        const reason = err.match(/^\w*Error(?: \[\w+\])?: .*$/mu)?.[0] ?? err.trim().split('\n').slice(-3).join(' | ');
        reject(new Error(`${script} exited with code ${code}: ${reason || 'no output'}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch (error) {
        reject(new Error(`${script} printed unreadable JSON: ${(error as Error).message}`));
      }
    });
  });
}
