package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Complex;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * The dtype helpers against NumPy's answers in {@code numpy/dtypes/helpers.csv} (every dtype
 * pair for promote_types and can_cast under each casting rule, every dtype for issubdtype and
 * isdtype, weak scalars, min_scalar_type, common_type, mintypecode, typename), and the complex
 * helpers against NumPy values on every device.
 */
class DtypeFunctionsTest {

    @Test
    void everyHelperAnswerMatchesNumpy() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (InputStream in = DtypeFunctionsTest.class.getResourceAsStream("/numpy/dtypes/helpers.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\\|", -1);
                String got;
                try {
                    got = answer(f[0], f[1]);
                } catch (IllegalArgumentException e) {
                    got = "TypeError";
                }
                if (!got.equals(f[2])) failures.add(line + " but jdpx says " + got);
                checked++;
            }
        }
        assertTrue(checked > 1500, "rows read: " + checked);
        assertTrue(failures.isEmpty(), failures.size() + " answers differ from NumPy:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static String answer(String fn, String args) {
        String[] a = args.split(",", -1);
        return switch (fn) {
            case "promote_types" -> Dpnp.promoteTypes(DType.of(a[0]), DType.of(a[1])).toString();
            case "can_cast" -> py(Dpnp.canCast(DType.of(a[0]), DType.of(a[1]), a[2]));
            case "issubdtype" -> py(Dpnp.issubdtype(DType.of(a[0]), a[1]));
            case "isdtype" -> py(Dpnp.isdtype(DType.of(a[0]), a[1]));
            case "result_type_scalar" -> Dpnp.resultType(DType.of(a[0]), scalar(a[1])).toString();
            case "char" -> String.valueOf(DtypeRules.charOf(DType.of(a[0])));
            case "min_scalar_type" -> Dpnp.minScalarType(parse(args)).toString();
            case "common_type" -> {
                List<UsmNdArray> arrays = new ArrayList<>();
                for (String t : a) arrays.add(Tensor.zeros(new long[] {1}, ArrayOptions.on("java:cpu:0").dtype(DType.of(t))));
                yield Dpnp.commonType(arrays.toArray(UsmNdArray[]::new)).toString();
            }
            case "mintypecode" -> Dpnp.mintypecode(a[0], a[1], a[2]);
            case "typename" -> Dpnp.typename(args);
            default -> throw new IllegalStateException("unknown helper " + fn);
        };
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static Object scalar(String kind) {
        return switch (kind) {
            case "bool" -> true;
            case "int" -> 7;
            case "float" -> 0.5;
            default -> new Complex(0, 1);
        };
    }

    private static Object parse(String s) {
        String[] p = s.split(":");
        return switch (p[0]) {
            case "bool" -> Boolean.parseBoolean(p[1].toLowerCase());
            case "int" -> new BigInteger(p[1]);
            case "float" -> Double.parseDouble(p[1].replace("inf", "Infinity"));
            default -> new Complex(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        };
    }

    @Test
    void resultTypeTakesArraysDtypesAndScalars() {
        assertEquals(DType.FLOAT64, Dpnp.resultType(1.5));
        assertEquals(DType.COMPLEX128, Dpnp.resultType(3, new Complex(0, 1)));
        assertEquals(DType.COMPLEX64, Dpnp.resultType("float32", new Complex(0, 1)));
        assertEquals(DType.FLOAT32, Dpnp.resultType(DType.INT16, DType.FLOAT16));
        assertThrows(IllegalArgumentException.class, () -> Dpnp.resultType());
        assertThrows(IllegalArgumentException.class, () -> Dpnp.resultType(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Dpnp.canCast(DType.INT8, DType.INT16, "sometimes"));
        assertThrows(IllegalArgumentException.class, () -> Dpnp.typename("e"));
    }

    @OnEveryDevice
    void complexHelpersMatchNumpy(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray z = Tensor.asComplexArray(new double[] {1, 1, -1, 0, 0, -2, 3, 0, -0.5, -0.5}, null, on);
        // np.angle(z), np.angle(z, deg=True)
        assertArrayEquals(new double[] {0.7853981633974483, 3.141592653589793, -1.5707963267948966, 0.0, -2.356194490192345},
                Dpnp.angle(z).astype(DType.FLOAT32).toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {45, 180, -90, 0, -135}, Dpnp.angle(z, true).astype(DType.FLOAT32).toDoubleArray(), 1e-4);
        UsmNdArray ints = Tensor.asarray(new int[] {-2, 0, 3}, null, on);
        UsmNdArray ai = Dpnp.angle(ints);
        assertEquals(device.hasAspect(Aspect.FP64) ? DType.FLOAT64 : DType.FLOAT32, ai.dtype());
        assertArrayEquals(new float[] {(float) Math.PI, 0, 0}, ai.astype(DType.FLOAT32).toFloatArray(), 1e-6f);
        assertArrayEquals(new boolean[] {true, false, true, false, true}, Dpnp.iscomplex(z).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false, true, false}, Dpnp.isreal(z).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, Dpnp.iscomplex(ints).toBooleanArray());
        assertTrue(Dpnp.iscomplexobj(z));
        assertFalse(Dpnp.iscomplexobj(ints));
        assertTrue(Dpnp.isrealobj(ints));
        assertArrayEquals(new double[] {1, -1, -1, 0, 0, 2, 3, 0, -0.5, 0.5}, Dpnp.conj(z).toComplexDoubleArray(), 0);
        assertArrayEquals(new double[] {1, -1, 0, 3, -0.5}, Dpnp.real(z).astype(DType.FLOAT32).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, -2, 0, -0.5}, Dpnp.imag(z).astype(DType.FLOAT32).toDoubleArray());
        // np.real_if_close: complex64 with |imag| 1e-7 < 100 eps becomes float32; 4e-14 > 100 eps of float64 stays.
        UsmNdArray near = Tensor.asComplexArray(new float[] {1, 1e-7f}, null, on);
        assertEquals(DType.FLOAT32, Dpnp.realIfClose(near).dtype());
        if (device.hasAspect(Aspect.FP64)) {
            UsmNdArray far = Tensor.asComplexArray(new double[] {2.1, 4e-14}, null, on);
            assertSame(far, Dpnp.realIfClose(far));
        }
        assertSame(ints, Dpnp.realIfClose(ints));
    }

    @OnEveryDevice
    void float16SortsByValueAndComplexGathersKeepBothParts(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray h = Tensor.asarray(new float[] {3.5f, -1, 0.1f, 65504, -0f, Float.NaN, 2}, null, on.dtype(DType.FLOAT16));
        // np.sort / np.argsort(kind='stable') of the same float16 values
        assertArrayEquals(new float[] {-1, -0f, 0.099975586f, 2, 3.5f, 65504, Float.NaN}, Dpnp.sort(h).toFloatArray(), 0);
        assertArrayEquals(new long[] {1, 4, 2, 6, 0, 3, 5}, Dpnp.argsort(h, -1, "stable").toLongArray());
        for (DType t : List.of(DType.COMPLEX64, device.hasAspect(Aspect.FP64) ? DType.COMPLEX128 : DType.COMPLEX64)) {
            UsmNdArray z = Tensor.asComplexArray(new double[] {1, 2, 3, -1, -2, 0.5, 0, 0.5}, null, on.dtype(t));
            UsmNdArray idx = Tensor.asarray(new long[] {3, 0, 2}, null, on);
            // np.take(z, [3, 0, 2]) and z[[True, False, True, False]]
            assertArrayEquals(new double[] {0, 0.5, 1, 2, -2, 0.5}, Dpnp.take(z, idx).toComplexDoubleArray(), 0);
            assertArrayEquals(new double[] {0, 0.5, 1, 2, -2, 0.5}, z.get(idx).toComplexDoubleArray(), 0);
            UsmNdArray mask = Tensor.asarray(new boolean[] {true, false, true, false}, null, on);
            assertArrayEquals(new double[] {1, 2, -2, 0.5}, z.get(mask).toComplexDoubleArray(), 0);
            assertTrue(assertThrows(UnsupportedOperationException.class, () -> Dpnp.sort(z)).getMessage().contains("lexicographic"));
        }
    }

    @OnEveryDevice
    void linalgRefusesWhatItCannotDo(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray z = Tensor.asComplexArray(new float[] {3, 4, 0, 0, 0, 0, 1, 0}, new long[] {2, 2}, on);
        assertThrows(UnsupportedOperationException.class, () -> DpnpLinalg.inv(z));
        assertThrows(UnsupportedOperationException.class, () -> DpnpLinalg.norm(z, 2, null, false));
        UsmNdArray h = Tensor.eye(2, 2, 0, on.dtype(DType.FLOAT16));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DpnpLinalg.inv(h)).getMessage().contains("float16"));
        // np.linalg.norm([[3+4j, 0], [0, 1]]) = sqrt(26); ord=1: max column sum of |z| = 5
        assertEquals(Math.sqrt(26), DpnpLinalg.norm(z, null, null, false).item(), 1e-5);
        assertEquals(5, DpnpLinalg.norm(z, 1, null, false).item(), 1e-5);
    }
}
