import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { clientIp } from "@/lib/http/client-ip";
import { safeCallbackPath } from "@/lib/console/safe-callback";

export const SESSION_MAX_AGE = 12 * 60 * 60; // one on-call shift

/** Shown on the sign-in form as is (components/console/signin-form.tsx passes it through). */
export const tooManyAttempts = (seconds: number) =>
  `Too many sign-in attempts; try again in ${seconds} second${seconds === 1 ? "" : "s"}`;
export const SIGNIN_BUSY = "Sign-in is busy right now; try again in a few seconds";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in only works with JWT sessions in next-auth v4.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/console/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const check = await verifyCredentials(credentials.email, credentials.password, clientIp(req?.headers ?? {}));
        const { user } = check;
        if (user) return { id: String(user.id), email: user.email, name: user.name };
        // next-auth hands a thrown message to the form (as ?error=); null means "wrong email or password".
        if (check.retryAfterSeconds) throw new Error(tooManyAttempts(check.retryAfterSeconds));
        if (check.busy) throw new Error(SIGNIN_BUSY);
        return null;
      },
    }),
  ],
  callbacks: {
    // Every next-auth redirect (sign-in, sign-out, ?callbackUrl=) lands on this origin, under /console.
    redirect: ({ url, baseUrl }) => `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`,
    // Only the user id and sign-in time ride in the token; role and status are read fresh on every
    // request. `signedInAt` survives next-auth's re-encoding (unlike iat), so a password change voids it.
    jwt: ({ token, user }) => (user ? { ...token, uid: user.id, signedInAt: Date.now() } : token),
    session: ({ session, token }) => ({
      ...session, uid: typeof token.uid === "string" ? token.uid : undefined, signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : 0,
    }),
  },
};
