/*
 * The structs of dlpack.h 1.x (https://github.com/dmlc/dlpack, include/dlpack/dlpack.h), declared
 * again here with the same member types and order so that the test needs no download; compiled by
 * DlpackStructsTest with the system C compiler to compare its offsets with DlpackStructs, and to
 * consume a tensor jdpx exported the way a C library would.
 */
#include <stddef.h>
#include <stdint.h>

typedef struct { uint32_t major; uint32_t minor; } Version;
typedef struct { int device_type; int32_t device_id; } Device; /* DLDeviceType is a C enum */
typedef struct { uint8_t code; uint8_t bits; uint16_t lanes; } DataType;
typedef struct {
    void *data;
    Device device;
    int32_t ndim;
    DataType dtype;
    int64_t *shape;
    int64_t *strides;
    uint64_t byte_offset;
} Tensor;
typedef struct Managed {
    Tensor dl_tensor;
    void *manager_ctx;
    void (*deleter)(struct Managed *self);
} Managed;
typedef struct Versioned {
    Version version;
    void *manager_ctx;
    void (*deleter)(struct Versioned *self);
    uint64_t flags;
    Tensor dl_tensor;
} Versioned;

/* Offsets and sizes, in the order DlpackStructsTest lists them. */
void jdpx_dl_offsets(int64_t *out) {
    int i = 0;
    out[i++] = offsetof(Tensor, data);
    out[i++] = offsetof(Tensor, device);
    out[i++] = offsetof(Tensor, device) + offsetof(Device, device_id);
    out[i++] = offsetof(Tensor, ndim);
    out[i++] = offsetof(Tensor, dtype);
    out[i++] = offsetof(Tensor, dtype) + offsetof(DataType, bits);
    out[i++] = offsetof(Tensor, dtype) + offsetof(DataType, lanes);
    out[i++] = offsetof(Tensor, shape);
    out[i++] = offsetof(Tensor, strides);
    out[i++] = offsetof(Tensor, byte_offset);
    out[i++] = sizeof(Tensor);
    out[i++] = offsetof(Managed, dl_tensor);
    out[i++] = offsetof(Managed, manager_ctx);
    out[i++] = offsetof(Managed, deleter);
    out[i++] = sizeof(Managed);
    out[i++] = offsetof(Versioned, version) + offsetof(Version, minor);
    out[i++] = offsetof(Versioned, manager_ctx);
    out[i++] = offsetof(Versioned, deleter);
    out[i++] = offsetof(Versioned, flags);
    out[i++] = offsetof(Versioned, dl_tensor);
    out[i++] = sizeof(Versioned);
}

/* A consumer: the sum of a float32/float64 CPU tensor read through shape, strides and byte_offset;
 * then it gives the tensor back through its deleter. -1e300 for what it cannot read. */
double jdpx_dl_sum(Versioned *t) {
    Tensor *x = &t->dl_tensor;
    double sum = 0;
    if (t->version.major != 1 || x->device.device_type != 1 || x->dtype.code != 2) {
        sum = -1e300;
    } else {
        int64_t n = 1;
        for (int a = 0; a < x->ndim; a++) n *= x->shape[a];
        for (int64_t k = 0; k < n; k++) {
            int64_t rest = k, e = 0;
            for (int a = x->ndim - 1; a >= 0; a--) {
                e += (rest % x->shape[a]) * x->strides[a];
                rest /= x->shape[a];
            }
            char *p = (char *) x->data + x->byte_offset;
            sum += x->dtype.bits == 64 ? ((double *) p)[e] : ((float *) p)[e];
        }
    }
    if (t->deleter) t->deleter(t);
    return sum;
}
