import type { BaseConfig } from './config.ts';
import { Engine } from './core/engine.ts';
import type { CoreLogger } from './core/logger.ts';

/** Open the engine over the configured folders. */
export function openEngine(config: BaseConfig, logger?: CoreLogger): Engine {
  return Engine.open({
    documentsDir: config.documentsDir,
    indexDir: config.indexDir,
    companiesFile: config.companiesFile,
    limits: { maxPdfBytes: config.maxPdfBytes },
    logger,
  });
}
