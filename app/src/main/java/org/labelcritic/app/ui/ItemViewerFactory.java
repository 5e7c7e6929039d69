package org.labelcritic.app.ui;

import org.labelcritic.model.store.Store;

/**
 * Makes the {@link ItemViewer} for a database; the main window asks for a new one whenever it opens
 * another database. Called on the FX thread.
 */
@FunctionalInterface
public interface ItemViewerFactory {
  ItemViewer create(Store store);
}
