/**
 * Where each device stands against its desired configuration, as the reconciler reports it and the status model
 * shows it.
 */
package io.openvni.core.status;
