/** The parser's version: raise it whenever parsing gives another result (or sentences split otherwise), and every file is parsed again. */
export const PARSER_VERSION = 6;
