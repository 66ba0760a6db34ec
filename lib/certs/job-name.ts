/** The background job that runs due certificate checks (its DB lease is "job:cert-checks"). */
export const CHECK_JOB = "cert-checks";
