# The runtime environment of run.sh (the bundled JDK, OpenCL loader and NVIDIA ICD), sourced by
# the scripts beside it in .gpu/.
G=${G:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
export JAVA_HOME=/tmp/jdpx-gpu/jdk; export J=$JAVA_HOME/bin/java
[ -x "$J" ] || { mkdir -p /tmp/jdpx-gpu && tar -xJf "$G/jdk.tar.xz" -C /tmp/jdpx-gpu; }
if [ ! -d /tmp/jdpx-gpu/sys ]; then mkdir -p /tmp/jdpx-gpu/sys; for d in "$G"/deb/*.deb; do dpkg-deb -x "$d" /tmp/jdpx-gpu/sys; done; fi
L=/tmp/jdpx-gpu/sys/usr/lib/x86_64-linux-gnu; ln -sf libOpenCL.so.1 "$L/libOpenCL.so"
export LD_LIBRARY_PATH=$L:${LD_LIBRARY_PATH:-} PATH=/tmp/jdpx-gpu/sys/usr/bin:$PATH
icd=/tmp/jdpx-gpu/icd; mkdir -p $icd
nv=$(ls /usr/local/nvidia/lib64/libnvidia-opencl.so.1 /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 /usr/lib64/libnvidia-opencl.so.1 2>/dev/null | head -1)
[ -n "$nv" ] && echo "$nv" > $icd/nvidia.icd
cp /etc/OpenCL/vendors/*.icd $icd/ 2>/dev/null; export OCL_ICD_VENDORS=$icd
