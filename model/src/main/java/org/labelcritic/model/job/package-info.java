/**
 * The plain-Java contract for background work: a job reports progress and a message and can be
 * cancelled. The app adapts it to {@code javafx.concurrent.Task}; tests run jobs on the calling
 * thread so that they are deterministic.
 */
package org.labelcritic.model.job;
