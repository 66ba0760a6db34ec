/** What the new-token form shows once: the plaintext and the name it was given. */
export type NewToken = { token: string; name: string };
