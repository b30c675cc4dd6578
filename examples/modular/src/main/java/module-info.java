/**
 * A modular application using jdpx: its jars are automatic modules named by Automatic-Module-Name.
 * jdpx reads kernel and prange methods reflectively, so the package holding them is opened to it.
 */
module com.example.modular {
    requires org.jdpx.device;
    requires org.jdpx.kernels;
    requires org.jdpx.tensor;
    requires org.jdpx.dpnp;

    opens com.example.modular to org.jdpx.kernels;
}
