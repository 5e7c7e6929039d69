/**
 * The team side of the workbench: the statistics dashboard (view and view model, polling the store
 * off the FX thread), the dataset report as a menu action, and the reviewer's name asked on first
 * start (dialog and settings file). {@link org.labelcritic.app.ui.team.TeamActions} declares the
 * actions the main window puts in its menus.
 */
package org.labelcritic.app.ui.team;
