package org.jdpx.kernels.plan;

import java.util.Locale;
import org.jdpx.device.Device;

/**
 * The tile shape of the OpenCL GEMM kernel on one device, in one of two forms.
 *
 * <p>{@code staged} (GPUs): a work-group of {@code groupCols x groupRows} items computes a
 * {@code tileRows() x tileCols()} block of C, each item an {@code itemRows x itemCols} register
 * block whose rows are {@code groupRows} apart and whose columns are {@code groupCols} apart (so
 * neighbouring items read neighbouring columns of B); {@code depth} is the K step whose tiles of A
 * and B the group first copies to local memory.
 *
 * <p>Unstaged (CPUs): each item owns an {@code itemRows x itemCols} block of C and accumulates
 * it in place in i-k-j order, with no barriers and no local memory; the innermost loop runs along
 * rows of B and C, which the driver's compiler vectorizes, and {@code depth} is the number of K
 * steps one such pass adds (unrolled: {@code itemRows x depth} elements of A in registers, each C
 * element loaded and stored once per {@code depth} FMAs); {@code groupCols} and {@code groupRows}
 * are 1.
 *
 * <p>The table, one row per device class:
 * <ul>
 *   <li>CPU (PoCL and other CPU drivers): the best of the shapes measured on PoCL 3.1 (LLVM 15,
 *       AVX-512 host, 2 cores) at 1024^3 and on the products of a 1024 LU, float32 and float64:
 *       4 rows x 1024 columns per item, 4 K steps per pass (see {@link #CPU}).</li>
 *   <li>NVIDIA-like GPU: measured on an NVIDIA H100 (NVIDIA OpenCL 3.0, driver 580.159) with
 *       {@code JDPX_GEMM_CONFIG} over ten shapes: 16x16 items of 8x8 each (128x128 tiles), K step
 *       8, both operands in local memory. A float32 4096^3 product took 6.07 ms (22.6 TFLOP/s)
 *       against 11.3 ms for CLBlast's SM6.x default (16x16 items of 4x4, K step 32) that stood
 *       here before; 128x128 tiles with K step 16 took 8.0 ms, 64x128 tiles 6.6-7.5 ms. Float64
 *       keeps 16x16 items of 4x4 with K step 16 (what the old default became once fitted to 48
 *       KiB): a 1024^3 product took 278 µs so and 366 µs with the 128x128 tiles, which leave 64
 *       groups for 132 compute units.</li>
 *   <li>Intel-like and other GPUs: not measured here; from CLBlast's Intel GPU default (16x8
 *       items, 64x64 tiles, K step 32, local memory).</li>
 * </ul>
 * Local memory is checked against the device's, and a configuration that does not fit halves its
 * K step.
 *
 * @param groupCols items per group along N (dimension 0)
 * @param groupRows items per group along M (dimension 1)
 * @param itemRows  rows of C per item
 * @param itemCols  columns of C per item
 * @param depth     K step (elements of K per local-memory tile; unstaged: K steps per pass over C)
 * @param staged    whether tiles of A and B go through local memory
 */
public record GemmConfig(int groupCols, int groupRows, int itemRows, int itemCols, int depth, boolean staged) {

    /**
     * The CPU class's shape (measured on PoCL; see the class comment). Against one K step per pass
     * (the shape before), 4 steps took PoCL from 35 to 68 GFLOP/s per core on a float32 1024^3
     * product and 10 to 38 in float64, where each pass had stored C once per FMA; 2 steps, 6 or 8,
     * 2 or 3 rows, and 256 or 512 columns were all slower (8 steps run out of vector registers).
     */
    public static final GemmConfig CPU = new GemmConfig(1, 1, 4, 1024, 4, false);
    /** NVIDIA-like GPUs (measured on an H100; see the class comment). */
    public static final GemmConfig NVIDIA_GPU = new GemmConfig(16, 16, 8, 8, 8, true);
    /** NVIDIA-like GPUs in float64 (measured on an H100; see the class comment). */
    public static final GemmConfig NVIDIA_GPU_F64 = new GemmConfig(16, 16, 4, 4, 16, true);
    /** Intel-like and other GPUs (CLBlast's Intel GPU default). */
    public static final GemmConfig OTHER_GPU = new GemmConfig(16, 8, 8, 4, 32, true);

    /** The system property that overrides the table, as {@code JDPX_GEMM_CONFIG} does (the property wins). */
    public static final String PROPERTY = "jdpx.gemmConfig";

    /** Rows of C per work-group. */
    public int tileRows() {
        return groupRows * itemRows;
    }

    /** Columns of C per work-group. */
    public int tileCols() {
        return groupCols * itemCols;
    }

    /** Items per work-group. */
    public int groupSize() {
        return groupCols * groupRows;
    }

    /** Bytes of local memory one group uses for elements of {@code elemBytes} bytes. */
    public long localBytes(int elemBytes) {
        return staged ? (long) depth * (tileRows() + tileCols()) * elemBytes : 0;
    }

    /** This configuration in the override's form, {@code cols,rows,itemRows,itemCols,depth,staged}. */
    public String asOverride() {
        return groupCols + "," + groupRows + "," + itemRows + "," + itemCols + "," + depth + "," + staged;
    }

    /** A short name for kernel cache keys and diagnostics. */
    public String key() {
        return groupCols + "x" + groupRows + "/" + itemRows + "x" + itemCols + "/k" + depth + (staged ? "/local" : "/global");
    }

    /**
     * The configuration for {@code device} (its {@link DevicePlan} class, vendor and limits) for
     * elements of {@code elemBytes} bytes. {@code JDPX_GEMM_CONFIG=cols,rows,itemRows,itemCols,depth,staged}
     * or {@code -Djdpx.gemmConfig=...} overrides the table (for tuning on a new device, and for
     * tests that run another class's shape on the devices at hand).
     *
     * @throws IllegalArgumentException when the override is malformed
     */
    public static GemmConfig of(Device device, int elemBytes) {
        String override = System.getProperty(PROPERTY, System.getenv("JDPX_GEMM_CONFIG"));
        return fit(override != null && !override.isBlank() ? parse(override) : byClass(device, elemBytes), device, elemBytes);
    }

    /**
     * The staged (local-memory) configuration for {@code device}, for drivers that cannot run the
     * CPU form's long nested loops (llvmpipe stops loops after 65535 iterations in all).
     */
    public static GemmConfig staged(Device device, int elemBytes) {
        return fit(OTHER_GPU, device, elemBytes);
    }

    /** {@code c} shrunk to the device's work-group size and local memory. */
    private static GemmConfig fit(GemmConfig c, Device device, int elemBytes) {
        DevicePlan plan = DevicePlan.of(device);
        while (c.groupSize() > plan.maxGroupSize() && c.groupRows() > 1) {
            c = new GemmConfig(c.groupCols, c.groupRows / 2, c.itemRows * 2, c.itemCols, c.depth, c.staged);
        }
        while (c.staged && c.depth > 1 && c.localBytes(elemBytes) > plan.localMemBytes()) {
            c = new GemmConfig(c.groupCols, c.groupRows, c.itemRows, c.itemCols, c.depth / 2, true);
        }
        return c;
    }

    private static GemmConfig byClass(Device device, int elemBytes) {
        DevicePlan plan = DevicePlan.of(device);
        if (!plan.isGpu()) return CPU;
        String vendor = device.info().vendor().toLowerCase(Locale.ROOT);
        if (!vendor.contains("nvidia")) return OTHER_GPU;
        return elemBytes == 8 ? NVIDIA_GPU_F64 : NVIDIA_GPU;
    }

    /** Parses {@code cols,rows,itemRows,itemCols,depth,staged}. */
    static GemmConfig parse(String s) {
        String[] p = s.split(",");
        try {
            if (p.length != 6) throw new NumberFormatException("6 fields");
            GemmConfig c = new GemmConfig(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()), Integer.parseInt(p[4].trim()),
                    Boolean.parseBoolean(p[5].trim()));
            if (c.groupCols < 1 || c.groupRows < 1 || c.itemRows < 1 || c.itemCols < 1 || c.depth < 1) {
                throw new NumberFormatException("non-positive field");
            }
            if (c.staged && (c.depth * c.tileRows()) % c.groupSize() != 0) {
                throw new NumberFormatException("depth*tileRows not a multiple of the group size");
            }
            if (c.staged && (c.depth * c.tileCols()) % c.groupSize() != 0) {
                throw new NumberFormatException("depth*tileCols not a multiple of the group size");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JDPX_GEMM_CONFIG=" + s + " is not cols,rows,itemRows,itemCols,depth,staged "
                    + "(e.g. 16,16,4,4,32,true): " + e.getMessage(), e);
        }
    }
}
