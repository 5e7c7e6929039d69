/**
 * The store: one SQLite database per dataset (WAL, synchronous=FULL, foreign keys on), its schema
 * migrated by Flyway from {@code db/migration}. {@link org.labelcritic.model.store.Store} is the
 * only entry point; SQL lives in the package-private classes beside it.
 */
package org.labelcritic.model.store;
