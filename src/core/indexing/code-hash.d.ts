/** Name of the stamp the build writes into the compiled core folder. */
export declare const CODE_HASH_STAMP: string;
/** Hash of every .ts, .js and .yaml file under `dir`, by name and content, in a fixed order. */
export declare function hashCodeTree(dir: string): string;
