/**
 * The quality worker: scores items off the UI thread with a small named pool, items near the
 * reviewer's position first, stores verdicts as they complete, reports through the job contract,
 * can be cancelled, and on restart skips what the same critic version already scored. Item scorers
 * (codes here; volumes from the imaging module) plug in through {@link
 * org.labelcritic.model.worker.ItemScorer}.
 */
package org.labelcritic.model.worker;
