package org.jdpx.device.opencl;

import java.nio.charset.StandardCharsets;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Typed readers for {@code clGetDeviceInfo} and {@code clGetPlatformInfo}. The {@code opt...}
 * variants return a fallback when the driver does not know the parameter (an extension query, a
 * 2.0 query on a 1.2 device); the others throw {@link OpenClException}.
 */
final class ClInfo {

    private ClInfo() {
    }

    static String string(cl_device_id d, int param) {
        long[] size = new long[1];
        Cl.check(CL.clGetDeviceInfo(d, param, 0, null, size), "clGetDeviceInfo", "parameter 0x" + Integer.toHexString(param));
        byte[] bytes = new byte[(int) size[0]];
        Cl.check(CL.clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null), "clGetDeviceInfo",
                "parameter 0x" + Integer.toHexString(param));
        return cString(bytes);
    }

    static String optString(cl_device_id d, int param, String fallback) {
        long[] size = new long[1];
        if (Cl.status(() -> CL.clGetDeviceInfo(d, param, 0, null, size)) != CL.CL_SUCCESS || size[0] == 0) {
            return fallback;
        }
        byte[] bytes = new byte[(int) size[0]];
        if (Cl.status(() -> CL.clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null)) != CL.CL_SUCCESS) {
            return fallback;
        }
        return cString(bytes);
    }

    /** A {@code cl_ulong}, {@code size_t} or {@code cl_bitfield} parameter. */
    static long int64(cl_device_id d, int param) {
        long[] v = new long[1];
        Cl.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null), "clGetDeviceInfo",
                "parameter 0x" + Integer.toHexString(param));
        return v[0];
    }

    static long optInt64(cl_device_id d, int param, long fallback) {
        long[] v = new long[1];
        int st = Cl.status(() -> CL.clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null));
        return st == CL.CL_SUCCESS ? v[0] : fallback;
    }

    /** A {@code cl_uint} or {@code cl_bool} parameter. */
    static int int32(cl_device_id d, int param) {
        int[] v = new int[1];
        Cl.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null), "clGetDeviceInfo",
                "parameter 0x" + Integer.toHexString(param));
        return v[0];
    }

    static int optInt32(cl_device_id d, int param, int fallback) {
        int[] v = new int[1];
        int st = Cl.status(() -> CL.clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null));
        return st == CL.CL_SUCCESS ? v[0] : fallback;
    }

    /** A {@code size_t[]} parameter; empty when the driver does not know it. */
    static long[] optSizes(cl_device_id d, int param) {
        long[] size = new long[1];
        if (Cl.status(() -> CL.clGetDeviceInfo(d, param, 0, null, size)) != CL.CL_SUCCESS || size[0] == 0) {
            return new long[0];
        }
        long[] v = new long[(int) (size[0] / Sizeof.size_t)];
        int st = Cl.status(() -> CL.clGetDeviceInfo(d, param, (long) v.length * Sizeof.size_t, Pointer.to(v), null));
        return st == CL.CL_SUCCESS ? v : new long[0];
    }

    static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        Cl.check(CL.clGetPlatformInfo(p, param, 0, null, size), "clGetPlatformInfo", "");
        byte[] bytes = new byte[(int) size[0]];
        Cl.check(CL.clGetPlatformInfo(p, param, bytes.length, Pointer.to(bytes), null), "clGetPlatformInfo", "");
        return cString(bytes);
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
    }
}
