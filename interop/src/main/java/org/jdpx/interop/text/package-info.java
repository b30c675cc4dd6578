/**
 * Reading numbers from text, shared by NumPy's text readers in jdpx ({@code loadtxt} in
 * {@link org.jdpx.interop.npy.TextFiles}; {@code genfromtxt}, {@code fromstring} and
 * {@code fromregex} in dpnp-api): {@link org.jdpx.interop.text.TextTable} cuts lines into fields
 * (comments, skipped lines, delimiter or whitespace, usecols), {@link org.jdpx.interop.text.TextNumbers}
 * turns fields into numbers with Python's syntax and fills missing ones, and each reader words its
 * own errors through {@link org.jdpx.interop.text.TextErrors}. All of it runs on the host.
 */
package org.jdpx.interop.text;
