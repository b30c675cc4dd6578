/**
 * DLPack, the C ABI array libraries use to lend each other tensors ({@code dlpack.h} 1.x:
 * {@code DLManagedTensorVersioned}, and the legacy {@code DLManagedTensor}): export a jdpx array
 * as such a struct in native memory ({@link org.jdpx.interop.dlpack.DlpackExport}) and import one
 * made elsewhere ({@link org.jdpx.interop.dlpack.DlpackImport}), without copying where the memory
 * allows. The struct layouts are {@link org.jdpx.interop.dlpack.DlpackStructs}.
 */
package org.jdpx.interop.dlpack;
