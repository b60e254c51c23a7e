/** The `performance.mark` names around each measured harness operation (set in the page, read from traces). */
export const START_STAMP = 'nic-bench-start';
export const END_STAMP = 'nic-bench-end';
