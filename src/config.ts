import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The whole environment the bot reads, parsed once. Each platform's variables are
 * checked as a group: a missing or malformed one disables that platform with a
 * message naming the variable and the fix, and the other front ends still start.
 */

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const BaseSchema = z.object({
  DOCUMENTS_DIR: optional.default('data/documents'),
  INDEX_DIR: optional.default('var/index'),
  COMPANIES_FILE: optional.default('data/companies.yaml'),
  DATABASE_PATH: optional.default('var/bot.sqlite'),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(?:ql)?:\/\/\S+$/u, { error: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/finqa (or unset it to use SQLite at DATABASE_PATH)' })
      .optional(),
  ),
  DIGEST_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(600),
  DIGEST_POLL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  MAX_PDF_MB: z.coerce.number().positive().max(1024).default(50),
  CHARTS_DIR: optional.default('var/charts'),
  DEFAULT_TZ: optional.default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: optional.default('var/bot.log'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CONSOLE: optional,
});

/** Settings shared by every front end. */
export interface BaseConfig {
  documentsDir: string;
  indexDir: string;
  companiesFile: string;
  databasePath: string;
  /** PostgreSQL URL; when set it wins over `databasePath` (several replicas share it). */
  databaseUrl?: string;
  /** A digest claim older than this is taken over: the bound on a dead replica delaying a digest. */
  digestLeaseMs: number;
  /** Longest wait between the scheduler's looks at the subscriptions. */
  digestPollMs: number;
  /** Largest PDF read from the documents folder, in bytes (`MAX_PDF_MB`). */
  maxPdfBytes: number;
  /** Folder of chart PNGs (content-addressed, reused). */
  chartsDir: string;
  defaultTz: string;
  logLevel: z.infer<typeof BaseSchema>['LOG_LEVEL'];
  /** Where log lines go while the console chat is on (chat platforms alone log to stderr). */
  logFile: string;
  port: number;
  /** Force the console on even when a chat platform is configured. */
  console: boolean;
}

/** A problem with the environment, phrased as what to do. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Parse the shared settings. Bad values fall back to defaults with a problem reported. */
export function loadBaseConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { config: BaseConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(BaseSchema.shape)) input[key] = env[key];
  let parsed = BaseSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0]);
      problems.push({ variable, message: `${variable} is invalid (${issue.message}); using the default. Fix or unset it in .env.` });
      input[variable] = undefined;
    }
    parsed = BaseSchema.safeParse(input);
  }
  const v = parsed.success ? parsed.data : BaseSchema.parse({});
  if (!isTimeZone(v.DEFAULT_TZ)) {
    problems.push({ variable: 'DEFAULT_TZ', message: `DEFAULT_TZ "${v.DEFAULT_TZ}" is not an IANA time zone (e.g. UTC, Asia/Shanghai, Europe/Berlin); using UTC.` });
  }
  return {
    config: {
      documentsDir: resolve(cwd, v.DOCUMENTS_DIR),
      indexDir: resolve(cwd, v.INDEX_DIR),
      companiesFile: resolve(cwd, v.COMPANIES_FILE),
      databasePath: resolve(cwd, v.DATABASE_PATH),
      databaseUrl: v.DATABASE_URL,
      digestLeaseMs: v.DIGEST_LEASE_SECONDS * 1000,
      digestPollMs: v.DIGEST_POLL_SECONDS * 1000,
      maxPdfBytes: Math.round(v.MAX_PDF_MB * 1024 * 1024),
      chartsDir: resolve(cwd, v.CHARTS_DIR),
      defaultTz: isTimeZone(v.DEFAULT_TZ) ? v.DEFAULT_TZ : 'UTC',
      logLevel: v.LOG_LEVEL,
      logFile: resolve(cwd, v.LOG_FILE),
      port: v.PORT,
      console: v.CONSOLE === '1' || v.CONSOLE === 'true',
    },
    problems,
  };
}

/**
 * Read `.env` into the environment when the file exists (variables already set win).
 * Uses Node's own parser; a malformed file is reported, not fatal.
 */
export function loadDotEnv(file = resolve(process.cwd(), '.env')): ConfigProblem | null {
  if (!existsSync(file)) return null;
  const before = { ...process.env };
  try {
    process.loadEnvFile(file);
  } catch (error) {
    return { variable: '.env', message: `.env could not be read (${error instanceof Error ? error.message : String(error)}); using the environment only.` };
  }
  // loadEnvFile overwrites; the environment of the process takes precedence over the file.
  for (const [key, value] of Object.entries(before)) process.env[key] = value;
  return null;
}

/** True for a time zone name the runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
