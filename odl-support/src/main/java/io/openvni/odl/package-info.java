/**
 * Small OpenDaylight helpers shared by the northbound adapter and the NETCONF topology management of the OpenConfig
 * driver: running a pass over the latest configuration on one thread whenever watched containers change, and the
 * fabric's credentials encrypted and decrypted with ODL AAA's key.
 */
package io.openvni.odl;
