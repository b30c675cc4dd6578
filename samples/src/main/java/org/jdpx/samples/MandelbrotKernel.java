package org.jdpx.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jdpx.device.Device;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;

/**
 * The Mandelbrot set in kernel style: one work-item per pixel counts the iterations of
 * {@code z = z² + c} until {@code |z| > 2}; the host turns the counts into a grey PNG as the
 * Numba example does ({@code 255 · i / maxIter}). Only float {@code + - *} are used, so every
 * device must give exactly the counts plain Java gives.
 */
public final class MandelbrotKernel implements Sample {
    static final int WIDTH = 480, HEIGHT = 320, MAX_ITER = 100;
    static final float X0 = -2.25f, Y0 = -1.25f, STEP = 2.5f / HEIGHT;

    private final Path png;

    /** Writes its picture to {@code png}. */
    public MandelbrotKernel(Path png) {
        this.png = png;
    }

    /** The default picture: {@code jdpx-mandelbrot.png} in the temporary directory. */
    public static Path defaultPng() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jdpx-mandelbrot.png");
    }

    @Kernel
    public static void escapeCounts(KernelContext ctx, IntArray counts, float x0, float y0, float step, int maxIter) {
        int px = ctx.globalId(0), py = ctx.globalId(1);
        float cx = x0 + px * step, cy = y0 + py * step, x = 0f, y = 0f;
        int it = 0;
        while (x * x + y * y <= 4f && it < maxIter) {
            float xt = x * x - y * y + cx;
            y = 2f * x * y + cy;
            x = xt;
            it++;
        }
        counts.set(py, px, it);
    }

    /** Escape counts of a {@code width × height} picture, row-major, computed on {@code device}. */
    public static int[] escapeCounts(Device device, int width, int height, int maxIter) {
        try (UsmMemory m = UsmMemory.allocateDevice(device, 4L * width * height)) {
            Kernels.launch(MandelbrotKernel::escapeCounts, Range.of(width, height), IntArray.on(m, height, width),
                    X0, Y0, STEP, maxIter);
            int[] counts = new int[width * height];
            m.copyToHost(counts);
            return counts;
        }
    }

    /** Writes the counts as a grey PNG, {@code 255 · count / maxIter} per pixel. */
    public static void writePng(int[] counts, int width, int height, int maxIter, Path file) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int grey = 255 * counts[py * width + px] / maxIter;
                img.getRaster().setSample(px, py, 0, grey);
            }
        }
        try {
            if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer in this JDK");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Mandelbrot picture to " + file, e);
        }
    }

    @Override public String name() { return "mandelbrot"; }
    @Override public Style style() { return Style.KERNEL; }

    @Override
    public Result run(Device device) {
        int[] got = escapeCounts(device, WIDTH, HEIGHT, MAX_ITER);
        writePng(got, WIDTH, HEIGHT, MAX_ITER, png);
        int[] ref = References.mandelbrot(WIDTH, HEIGHT, MAX_ITER, X0, Y0, STEP, STEP);
        int differ = 0, first = -1;
        for (int i = 0; i < ref.length; i++) {
            if (got[i] != ref[i] && differ++ == 0) first = i;
        }
        String detail = differ == 0
                ? WIDTH + "×" + HEIGHT + " escape counts equal to plain Java's; picture " + png
                : differ + " of " + ref.length + " pixels differ from plain Java, the first at (" + first % WIDTH + ", "
                        + first / WIDTH + "): " + got[first] + " instead of " + ref[first] + "; picture " + png;
        return new Result(device.filterString(), "float32", differ == 0, detail, png);
    }
}
