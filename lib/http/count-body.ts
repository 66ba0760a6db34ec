import { Transform, type TransformCallback } from "node:stream";

/** Why a body was cut off: too many bytes (413) or the client went quiet mid-body (408). */
export class BodyRefused extends Error {
  constructor(readonly status: 408 | 413, message: string) {
    super(message);
  }
}

/**
 * Pass a request body through unchanged while counting it: fails with a 413 the moment the
 * bytes pass `limit`, or with a 408 when no byte arrives for `idleMs`. Nothing is buffered.
 */
export function countBody(limit: number, idleMs: number): Transform {
  let seen = 0;
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) return done(new BodyRefused(413, `Request body too large: the limit here is ${limit} bytes`));
      idle?.refresh();
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (idle) clearTimeout(idle);
      done();
    },
    destroy(err, done) {
      if (idle) clearTimeout(idle);
      done(err);
    },
  });
  const idle = idleMs > 0
    ? setTimeout(() => stream.destroy(new BodyRefused(408, `Request body stalled: nothing arrived for ${idleMs} ms`)), idleMs)
    : undefined;
  idle?.unref();
  return stream;
}
