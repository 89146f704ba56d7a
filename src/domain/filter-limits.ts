/**
 * The deepest AND/OR/NOT nesting any filter may have, whatever MAX_FILTER_DEPTH says: the
 * compiler recurses once per level, so this is its last-resort guard (the configured bound is
 * checked before execution and may only be lower).
 */
export const FILTER_DEPTH_CEILING = 16;
