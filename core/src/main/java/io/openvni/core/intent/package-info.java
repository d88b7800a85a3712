/**
 * The operator's intent as immutable records: the fabric with its devices and pools, and the tenants with their
 * VRFs and networks. Values stay as the operator wrote them (addresses, prefixes and route targets as text) so
 * that validation can name what is wrong with them; nothing here knows OpenDaylight.
 */
package io.openvni.core.intent;
