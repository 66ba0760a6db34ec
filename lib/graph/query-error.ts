/** A query Graph would refuse: answered 400 in Graph's error shape {error: {code, message}}. */
export class GraphQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraphQueryError";
  }
}
