/**
 * Several servers sharing one Redis, acting as one: what a teacher or student connected to another
 * server must see is relayed over Redis pub/sub.
 */
package org.smartsession.engine.cluster;
