/**
 * The app module: the JavaFX workbench and the {@code lcw} command line. The only module that
 * imports JavaFX. {@link org.labelcritic.app.Main} is the composition root.
 */
package org.labelcritic.app;
