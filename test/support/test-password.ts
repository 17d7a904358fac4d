/** The password of test/support/api.ts's role users. */
export const testPassword = 'correct horse battery';
