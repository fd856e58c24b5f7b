package dev.loci.sim.render;

import com.jme3.app.SimpleApplication;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.post.SceneProcessor;
import com.jme3.profile.AppProfiler;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.system.AppSettings;
import com.jme3.system.JmeContext;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import dev.loci.sim.picture.Palette;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders RGB camera images of a world with jme3-lwjgl3 on an offscreen surface (needs an X display: Xvfb + Mesa
 * in CI). Each solid is drawn flat in its colour attribute, so pictures are checkable by colour. The scene is a
 * copy of the world's solids taken at start; {@link #render} places the camera and returns the next frame.
 */
public final class SnapshotRenderer extends SimpleApplication implements SceneProcessor {
    private final World world;
    private final int width;
    private final int height;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Request pending;
    private ByteBuffer pixels;
    private FrameBuffer target;

    private record Request(Vector3f location, Vector3f direction, CompletableFuture<BufferedImage> result) {
    }

    public SnapshotRenderer(World world, int width, int height) {
        super((com.jme3.app.state.AppState[]) null);
        this.world = world;
        this.width = width;
        this.height = height;
        AppSettings settings = new AppSettings(true);
        settings.setResolution(width, height);
        settings.setRenderer(AppSettings.LWJGL_OPENGL32);
        settings.setAudioRenderer(null);
        setSettings(settings);
        setShowSettings(false);
        setPauseOnLostFocus(false);
    }

    /** Starts the render thread and waits for the GL context; fails rather than hanging without a display. */
    public void startOffscreen(long timeoutSeconds) throws Exception {
        start(JmeContext.Type.OffscreenSurface);
        ready.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** The image a camera at {@code location} looking along {@code direction} (z up) sees. */
    public BufferedImage render(Vector3f location, Vector3f direction, long timeoutSeconds) throws Exception {
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        pending = new Request(location, direction, result);
        return result.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void simpleInitApp() {
        Node scene = new Node("snapshot-scene");
        for (Solid solid : world.solids()) {
            Geometry copy = solid.geometry().clone(false);
            Material material = new Material(assetManager, "Common/MatDefs/Misc/Unshaded.j3md");
            Color c = Palette.named(solid.colour());
            material.setColor("Color", new ColorRGBA(c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f, 1));
            copy.setMaterial(material);
            copy.setLocalTranslation(solid.geometry().getWorldTranslation());
            scene.attachChild(copy);
        }
        rootNode.attachChild(scene);
        viewPort.setBackgroundColor(new ColorRGBA(0.55f, 0.75f, 0.95f, 1));
        cam.setFrustumPerspective(58, (float) width / height, 0.05f, 50f);
        target = new FrameBuffer(width, height, 1);
        target.setDepthTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.Depth));
        target.addColorTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.RGBA8));
        viewPort.setOutputFrameBuffer(target);
        viewPort.addProcessor(this);
        pixels = BufferUtils.createByteBuffer(width * height * 4);
        ready.complete(null);
    }

    @Override
    public void simpleUpdate(float tpf) {
        Request request = pending;
        if (request != null) {
            cam.setLocation(request.location());
            cam.lookAtDirection(request.direction(), Vector3f.UNIT_Z);
        }
    }

    @Override
    public void handleError(String message, Throwable error) {
        ready.completeExceptionally(new IllegalStateException(message, error));
        Request request = pending;
        if (request != null) {
            request.result().completeExceptionally(new IllegalStateException(message, error));
        }
        stop();
    }

    // ---- SceneProcessor: read the frame just rendered ----

    @Override
    public void postFrame(FrameBuffer out) {
        Request request = pending;
        if (request == null) {
            return;
        }
        pixels.clear();
        renderManager.getRenderer().readFrameBufferWithFormat(target, pixels, Image.Format.BGRA8);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = ((height - 1 - y) * width + x) * 4; // GL rows run bottom-up
                int b = pixels.get(i) & 0xFF;
                int g = pixels.get(i + 1) & 0xFF;
                int r = pixels.get(i + 2) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        pending = null;
        request.result().complete(image);
    }

    @Override
    public void initialize(RenderManager rm, ViewPort vp) {
    }

    @Override
    public void reshape(ViewPort vp, int w, int h) {
    }

    @Override
    public boolean isInitialized() {
        return true;
    }

    @Override
    public void preFrame(float tpf) {
    }

    @Override
    public void postQueue(RenderQueue rq) {
    }

    @Override
    public void cleanup() {
    }

    @Override
    public void setProfiler(AppProfiler profiler) {
    }
}
