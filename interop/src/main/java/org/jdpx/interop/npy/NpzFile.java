package org.jdpx.interop.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * An open {@code .npz} archive, NumPy's {@code NpzFile}: a read-only map from member names
 * (without {@code .npy}) to arrays, each read from the archive onto the options' device each time
 * it is asked for. Close it (try-with-resources) to release the file.
 */
public final class NpzFile extends AbstractMap<String, UsmNdArray> implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    private final ArrayOptions options;
    private final List<String> names;

    private NpzFile(Path path, ZipFile zip, ArrayOptions options, List<String> names) {
        this.path = path;
        this.zip = zip;
        this.options = options;
        this.names = names;
    }

    static NpzFile open(Path path, ArrayOptions options) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new IOException(path + " is not a .npz (zip) archive; a .npy file opens with Npy.load", e);
        }
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String n = e.getName();
            names.add(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n);
        }
        return new NpzFile(path, zip, options, List.copyOf(names));
    }

    /** The member names without {@code .npy}, in archive order (NumPy's {@code files}). */
    public List<String> files() {
        return names;
    }

    /**
     * The member {@code name} (with or without {@code .npy}) as a new array on the options' device.
     *
     * @throws IllegalArgumentException naming the members when there is no such member
     * @throws UncheckedIOException when the member cannot be read or is not a valid {@code .npy}
     * @throws IllegalStateException after {@link #close()}
     */
    public UsmNdArray array(String name) {
        ZipEntry e = entry(name);
        if (e == null) {
            throw new IllegalArgumentException(name + " is not a file in the archive " + path + "; it holds " + names);
        }
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), NpyBody.CHUNK)) {
            return Npy.load(in, path + "[" + e.getName() + "]", options);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private ZipEntry entry(String name) {
        try {
            ZipEntry e = zip.getEntry(name + ".npy");
            return e != null ? e : zip.getEntry(name);
        } catch (IllegalStateException closed) {
            throw new IllegalStateException(path + " was closed; open it again with Npz.load", closed);
        }
    }

    /** The member {@code key} as an array, or null when there is none (Map's contract); see {@link #array}. */
    @Override
    public UsmNdArray get(Object key) {
        return key instanceof String s && entry(s) != null ? array(s) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && entry(s) != null;
    }

    @Override
    public Set<Entry<String, UsmNdArray>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, UsmNdArray>> iterator() {
                Iterator<String> it = names.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, UsmNdArray> next() {
                        String n = it.next();
                        return new SimpleImmutableEntry<>(n, array(n));
                    }
                };
            }

            @Override
            public int size() {
                return names.size();
            }
        };
    }

    /** Closes the archive. */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public String toString() {
        return "NpzFile[" + path + ", " + names + "]";
    }
}
