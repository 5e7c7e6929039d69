/**
 * The workbench's JavaFX user interface: the main window and its views, their view models (which
 * hold only properties and observable lists, never nodes), the declared actions shared by menu,
 * toolbar and shortcuts, the message bundle accessor, and the headless screenshot renderer.
 *
 * <p>Blocking store calls never run on the FX thread: view models run them on an executor handed in
 * by the caller and publish results through an "FX applier" ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests).
 */
package org.labelcritic.app.ui;
