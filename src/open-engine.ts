import type { BaseConfig } from './config.ts';
import { Engine, type CoreLogger } from './core/engine.ts';

/** Open the engine over the configured folders. */
export function openEngine(config: BaseConfig, logger?: CoreLogger): Engine {
  return Engine.open({
    documentsDir: config.documentsDir,
    indexDir: config.indexDir,
    companiesFile: config.companiesFile,
    logger,
  });
}
