/** Dutch captions by English caption (see ./index.ts). */
export const salesCaptions: Readonly<Record<string, string>> = {
};
