/**
 * Offline review sessions: a reviewer's decisions, sessions and edited masks in a portable session
 * file ({@code .lcws}, SQLite) that names everything by stable keys (item external id, structure
 * and source names, decision and session uids) instead of database ids, so that it merges into any
 * copy of the same dataset. The store's {@code SessionStore} exports and merges them.
 */
package org.labelcritic.model.session;
