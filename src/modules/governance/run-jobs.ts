/** The job that checks an uploaded file's quality: payload `{ runId }`. */
export const CHECK_JOB = 'governance.check'
/** The job that searches an uploaded file for duplicates: payload `{ runId }`. */
export const DEDUP_JOB = 'governance.dedup'
/** Attempts of either job; on the last, a fault of the system fails the run instead of retrying. */
export const RUN_ATTEMPTS = 3
