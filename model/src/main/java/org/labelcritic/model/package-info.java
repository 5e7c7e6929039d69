/**
 * The model module: domain types, the store, statistics, the quality-model runtime and the job
 * contract for background work. It imports no JavaFX, AWT or ImageJ (an ArchUnit test enforces it).
 * The one user-facing error type, {@link org.labelcritic.model.LabelCriticException}, lives here.
 */
package org.labelcritic.model;
