/**
 * A content script that does nothing, for the comparator of the quiet pages (`quietEmptyMs`): what any
 * content script costs a page (the browser injecting it and evaluating it), before it does anything.
 */
export {};
