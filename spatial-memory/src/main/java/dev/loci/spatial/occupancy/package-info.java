/**
 * 3D voxel occupancy and its 2D projection.
 *
 * <p>{@link dev.loci.spatial.occupancy.VoxelMap} keeps log-odds per voxel (one byte, 0.05-nat steps, a
 * reserved value for unknown) in lazily allocated 16^3 chunks. {@link dev.loci.spatial.occupancy.RangeScan}s
 * are integrated by Amanatides-Woo ray casting: free along each beam, occupied at each return within max
 * range, free up to max range for beams without a return; each voxel moves at most once per scan and a hit
 * wins. Log-odds are clamped; optional decay moves voxels back toward unknown, applied lazily by time.
 *
 * <p>Durable state is a {@code NavigableMap<Long, byte[]>} owned by the caller: one entry per chunk (key: packed
 * chunk coordinates, value: format version byte, decay clock, run-length encoded voxels) and one header entry
 * (key -1: format version, resolution, chunk size, clock). {@code writeDirtyChunks()} writes only changed
 * chunks; reopening reads keys only and decodes chunks on first use.
 *
 * <p>{@link dev.loci.spatial.occupancy.OccupancyGrid} is the 2D projection over a height band with
 * nav_msgs/OccupancyGrid semantics (row-major from the origin, -1 unknown, 0..100 percent, max over the band,
 * unknown only when every voxel in the band is); {@link dev.loci.spatial.occupancy.IncrementalProjection}
 * keeps one up to date tile by tile from the tiles each scan touched.
 */
package dev.loci.spatial.occupancy;
