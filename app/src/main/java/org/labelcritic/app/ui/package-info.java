/**
 * The workbench's JavaFX user interface: the main window (queue, {@link
 * org.labelcritic.app.ui.ItemViewer} slot, verdict panel, status bar) and its view models (which
 * hold only properties and observable lists, never nodes), the review decisions ({@link
 * org.labelcritic.app.ui.ReviewViewModel}), the quality worker runner, the declared actions shared
 * by menu, toolbar and keys, the message bundle accessor, the FX pulse watchdog, and the headless
 * screenshot renderer. The image viewer itself lives in {@code app.ui.viewer}.
 *
 * <p>Blocking store calls never run on the FX thread: view models run them on an executor handed in
 * by the caller and publish results through an "FX applier" ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests).
 */
package org.labelcritic.app.ui;
