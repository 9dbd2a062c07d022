package io.cuecast.physics;

import io.cuecast.physics.ShotEvent.Motion;
import io.cuecast.physics.ShotOutcome.PathPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shot played out event by event: find the earliest next event, move every ball analytically to
 * its time, resolve it, and work out again only the next events of the balls it changed.
 *
 * <p>Next-event times are kept per ball (its phase ending, a cushion, a jaw tip, a pocket's drop
 * line) and per pair of balls, as absolute times. A ball that an event leaves alone keeps its
 * motion, so its cached times stay right.
 */
final class ShotSimulation {
    /** A cap on events per shot, so that a pathological layout cannot spin forever. */
    static final int MAX_EVENTS = 10_000;
    /** Contacts are found this much inside the touching distance, so rounding never re-finds one. */
    private static final double CONTACT_SLACK_MM = 1e-6;
    /** A gap of zero counts as a new contact only when it closes faster than this (mm/s, or mm²/s for squared gaps). */
    private static final double MIN_CLOSING_RATE = 1e-3;
    /**
     * Balls closer than this take an impact together (see {@link #collideCluster}): real balls in a
     * rack or frozen together touch, and their contacts act at once, where a pairwise engine would
     * send the impulse down one chain of balls at a time.
     */
    static final double SIMULTANEOUS_GAP_MM = 1.0;
    /**
     * Two slow balls pressed together by the cloth (each slowing along its own line) meet again and
     * again at ever shorter intervals, each meeting turning a little of their roll into slip that
     * the cloth turns back: without a bound the engine would resolve thousands of such meetings.
     * Balls both slower than {@link #SETTLE_SPEED_MM_S} that meet closing slower than this stop
     * together instead.
     */
    static final double SETTLE_CLOSING_MM_S = 5;
    /** See {@link #SETTLE_CLOSING_MM_S}: rolling on, such a ball would cover at most v²/(2 μr g), under 5 mm. */
    static final double SETTLE_SPEED_MM_S = 30;
    /** Sweeps of the contact impulses over a cluster; each converges geometrically. */
    private static final int CLUSTER_SWEEPS = 200;
    /** Points per curved (sliding) stretch of a path. */
    private static final int CURVE_SAMPLES = 8;

    private enum Kind { PHASE, WALL, TIP, DROP }

    private final MovingBall[] balls;
    private final TableBoundary boundary;
    private final EventPhysicsSettings settings;
    private final double radius;

    private final double[] phaseEnd;
    private final double[] ownTime;
    private final Kind[] ownKind;
    private final int[] ownTarget;
    private final double[][] pairTime;
    /** Each ball's bounding box (min x, max x, min y, max y) over what is left of its phase: the broad phase. */
    private final double[][] box;

    private final List<ShotEvent> events = new ArrayList<>();
    private final List<List<PathPoint>> paths = new ArrayList<>();
    /** Each ball's motion as closed-form stretches, one opened per event that changed it. */
    private final List<List<ShotTimeline.Stretch>> stretches = new ArrayList<>();
    /** Where each ball's current stretch began: position, velocity and acceleration at segmentStart. */
    private final double[][] segment;
    private double now;

    ShotSimulation(List<BallState> start, TableBoundary boundary, EventPhysicsSettings settings) {
        int n = start.size();
        this.boundary = boundary;
        this.settings = settings;
        this.radius = settings.ballRadiusMm();
        balls = new MovingBall[n];
        phaseEnd = new double[n];
        ownTime = new double[n];
        ownKind = new Kind[n];
        ownTarget = new int[n];
        pairTime = new double[n][n];
        box = new double[n][4];
        segment = new double[n][7];
        for (int i = 0; i < n; i++) {
            balls[i] = new MovingBall(start.get(i), settings);
            paths.add(new ArrayList<>(List.of(new PathPoint(0, balls[i].x, balls[i].y))));
            stretches.add(new ArrayList<>());
            openSegment(i);
        }
        for (int i = 0; i < n; i++) {
            recomputeOwn(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairTime[i][j] = pairEntry(i, j);
            }
        }
    }

    double now() {
        return now;
    }

    List<ShotEvent> events() {
        return events;
    }

    /** The balls' current states, pocketed balls left out. */
    List<BallState> balls() {
        List<BallState> states = new ArrayList<>();
        for (MovingBall ball : balls) {
            if (!ball.pocketed) {
                states.add(ball.state());
            }
        }
        return states;
    }

    /** Kinetic energy of all balls, in joules. */
    double kineticEnergyJoules() {
        double perMass = 0;
        for (MovingBall ball : balls) {
            perMass += ball.pocketed ? 0 : ball.energyPerMass();
        }
        return perMass * 1e-6 * settings.ballMassKg();
    }

    /**
     * Resolves the next event.
     *
     * @return false when nothing will happen any more (every ball at rest or pocketed)
     */
    boolean step() {
        int n = balls.length;
        double next = Double.POSITIVE_INFINITY;
        int first = -1;
        int second = -1;
        for (int i = 0; i < n; i++) {
            if (ownTime[i] < next) {
                next = ownTime[i];
                first = i;
                second = -1;
            }
            for (int j = i + 1; j < n; j++) {
                if (pairTime[i][j] < next) {
                    next = pairTime[i][j];
                    first = i;
                    second = j;
                }
            }
        }
        if (first < 0) {
            return false;
        }
        for (MovingBall ball : balls) {
            if (!ball.pocketed) {
                ball.advance(next - now);
            }
        }
        now = next;
        if (second >= 0) {
            List<Integer> cluster = clusterAround(first, second);
            List<Contact> contacts = contactsWithin(cluster);
            if (contacts.size() == 1) {
                collide(balls[first], balls[second]);
            } else {
                collideAtOnce(cluster, contacts);
                logCollision(balls[first], balls[second]);
            }
            for (int i : cluster) {
                changed(i);
            }
        } else if (ownKind[first] == Kind.WALL || ownKind[first] == Kind.TIP) {
            List<Integer> cluster = clusterAround(first, -1);
            List<Contact> contacts = contactsWithin(cluster);
            if (cluster.size() == 1) {
                resolveOwn(first);
            } else {
                collideAtOnce(cluster, contacts);
                logCushion(first);
            }
            for (int i : cluster) {
                changed(i);
            }
        } else {
            resolveOwn(first);
            changed(first);
        }
        return true;
    }

    /** Runs the shot to its end, or to the event cap; true if it ended. */
    boolean run() {
        for (int count = 0; count < MAX_EVENTS; count++) {
            if (!step()) {
                return true;
            }
        }
        return false;
    }

    /** The shot as closed-form motion, with its outcome. */
    ShotTimeline timeline(boolean complete) {
        List<List<ShotTimeline.Stretch>> copies = stretches.stream().map(List::copyOf).toList();
        return new ShotTimeline(copies, settings, outcome(complete));
    }

    ShotOutcome outcome(boolean complete) {
        Map<Integer, List<PathPoint>> pathsById = new LinkedHashMap<>();
        Map<Integer, PathPoint> resting = new LinkedHashMap<>();
        for (int i = 0; i < balls.length; i++) {
            List<PathPoint> path = List.copyOf(paths.get(i));
            pathsById.put(balls[i].id, path);
            if (!balls[i].pocketed) {
                resting.put(balls[i].id, path.get(path.size() - 1));
            }
        }
        return new ShotOutcome(List.copyOf(events), pathsById, resting, now, complete);
    }

    private void resolveOwn(int i) {
        MovingBall ball = balls[i];
        switch (ownKind[i]) {
            case PHASE -> {
                Motion from = ball.motion;
                ball.endPhase();
                events.add(new ShotEvent.MotionChange(now, ball.id, from, ball.motion, ball.x, ball.y));
            }
            case WALL -> {
                TableBoundary.Wall wall = boundary.walls.get(ownTarget[i]);
                bounce(ball, wall.nx(), wall.ny());
                logCushion(i);
            }
            case TIP -> {
                TableBoundary.Tip tip = boundary.tips.get(ownTarget[i]);
                double distance = Planar.length(ball.x - tip.x(), ball.y - tip.y());
                bounce(ball, (ball.x - tip.x()) / distance, (ball.y - tip.y()) / distance);
                logCushion(i);
            }
            case DROP -> {
                ball.pocketed = true;
                ball.vx = 0;
                ball.vy = 0;
                ball.wx = 0;
                ball.wy = 0;
                ball.wz = 0;
                ball.motion = Motion.STOPPED;
                events.add(new ShotEvent.PocketEntry(now, ball.id, boundary.drops.get(ownTarget[i]).pocket(),
                        ball.x, ball.y));
            }
        }
    }

    /** Logs ball i's own cushion or jaw tip event (its ownTarget). */
    private void logCushion(int i) {
        MovingBall ball = balls[i];
        if (ownKind[i] == Kind.WALL) {
            TableBoundary.Wall wall = boundary.walls.get(ownTarget[i]);
            events.add(new ShotEvent.CushionCollision(now, ball.id, wall.name(),
                    ball.x - radius * wall.nx(), ball.y - radius * wall.ny()));
        } else {
            TableBoundary.Tip tip = boundary.tips.get(ownTarget[i]);
            events.add(new ShotEvent.CushionCollision(now, ball.id, tip.name(), tip.x(), tip.y()));
        }
    }

    private void logCollision(MovingBall a, MovingBall b) {
        double distance = Planar.length(b.x - a.x, b.y - a.y);
        events.add(new ShotEvent.BallCollision(now, a.id, b.id, a.x + radius * (b.x - a.x) / distance,
                a.y + radius * (b.y - a.y) / distance));
    }

    /**
     * Equal masses: each ball takes (1 + e)/2 of the closing speed along the line of centres. Friction
     * between the balls (throw) acts against the slip of their contact points across that line,
     * at most μ times the normal impulse and never more than stops the slip; the slip changes by
     * 7 times the tangential impulse per unit mass (2 from the two centres, 5 from their spins).
     */
    private void collide(MovingBall a, MovingBall b) {
        double distance = Planar.length(b.x - a.x, b.y - a.y);
        double nx = (b.x - a.x) / distance;
        double ny = (b.y - a.y) / distance;
        double closing = (a.vx - b.vx) * nx + (a.vy - b.vy) * ny;
        if (closing < SETTLE_CLOSING_MM_S && a.speed() < SETTLE_SPEED_MM_S && b.speed() < SETTLE_SPEED_MM_S) {
            a.settle();
            b.settle();
            logCollision(a, b);
            return;
        }
        double normal = (1 + settings.ballRestitution()) / 2 * Math.max(0, closing);
        a.vx -= normal * nx;
        a.vy -= normal * ny;
        b.vx += normal * nx;
        b.vy += normal * ny;
        rub(a, b, nx, ny, normal);
        a.classify();
        b.classify();
        logCollision(a, b);
    }

    /** Throw: the tangential impulse of a contact along (nx, ny), from a to b, that took this normal impulse. */
    private void rub(MovingBall a, MovingBall b, double nx, double ny, double normal) {
        double tx = -ny;
        double ty = nx;
        double slip = (a.vx - b.vx) * tx + (a.vy - b.vy) * ty + radius * (a.wz + b.wz);
        double tangential = -Math.copySign(Math.min(settings.ballFriction() * normal, Math.abs(slip) / 7), slip);
        a.vx += tangential * tx;
        a.vy += tangential * ty;
        b.vx -= tangential * tx;
        b.vy -= tangential * ty;
        a.wz += 2.5 * tangential / radius;
        b.wz += 2.5 * tangential / radius;
    }

    /** Ball first (and second, unless it is -1), and every ball linked to them by gaps under {@link #SIMULTANEOUS_GAP_MM}. */
    private List<Integer> clusterAround(int first, int second) {
        List<Integer> cluster = new ArrayList<>(second < 0 ? List.of(first) : List.of(first, second));
        boolean[] inCluster = new boolean[balls.length];
        cluster.forEach(i -> inCluster[i] = true);
        double within = 2 * radius + SIMULTANEOUS_GAP_MM;
        for (int k = 0; k < cluster.size(); k++) {
            MovingBall ball = balls[cluster.get(k)];
            for (int j = 0; j < balls.length; j++) {
                double dx = balls[j].x - ball.x;
                double dy = balls[j].y - ball.y;
                if (!balls[j].pocketed && !inCluster[j] && dx * dx + dy * dy < within * within) {
                    inCluster[j] = true;
                    cluster.add(j);
                }
            }
        }
        return cluster;
    }

    private double gap(MovingBall a, MovingBall b) {
        return Planar.length(b.x - a.x, b.y - a.y) - 2 * radius;
    }

    /**
     * A contact between ball {@code from} (or a cushion or jaw tip, -1) and ball {@code to}, whose
     * line of centres (or the face's normal) (nx, ny) points from the one to the other.
     */
    private record Contact(int from, int to, double nx, double ny) {
        boolean withCushion() {
            return from < 0;
        }
    }

    /** Every contact within {@link #SIMULTANEOUS_GAP_MM} among the cluster's balls and with the cushions and jaw tips. */
    private List<Contact> contactsWithin(List<Integer> cluster) {
        List<Contact> contacts = new ArrayList<>();
        for (int p = 0; p < cluster.size(); p++) {
            MovingBall a = balls[cluster.get(p)];
            for (int q = p + 1; q < cluster.size(); q++) {
                MovingBall b = balls[cluster.get(q)];
                if (gap(a, b) < SIMULTANEOUS_GAP_MM) {
                    double distance = Planar.length(b.x - a.x, b.y - a.y);
                    contacts.add(new Contact(cluster.get(p), cluster.get(q), (b.x - a.x) / distance,
                            (b.y - a.y) / distance));
                }
            }
            for (TableBoundary.Wall wall : boundary.walls) {
                double gap = (a.x - wall.x1()) * wall.nx() + (a.y - wall.y1()) * wall.ny() - radius;
                double along = (a.x - wall.x1()) * wall.dx() + (a.y - wall.y1()) * wall.dy();
                if (gap < SIMULTANEOUS_GAP_MM && along >= 0 && along <= wall.length()) {
                    contacts.add(new Contact(-1, cluster.get(p), wall.nx(), wall.ny()));
                }
            }
            for (TableBoundary.Tip tip : boundary.tips) {
                double distance = Planar.length(a.x - tip.x(), a.y - tip.y());
                if (distance - radius < SIMULTANEOUS_GAP_MM) {
                    contacts.add(new Contact(-1, cluster.get(p), (a.x - tip.x()) / distance, (a.y - tip.y()) / distance));
                }
            }
        }
        return contacts;
    }

    /**
     * An impact on a cluster of (nearly) touching balls, and the cushions and jaw tips they touch,
     * all contacts at once, as Poisson's restitution has it: first the impulses that stop every
     * contact closing (found by sweeping the contacts, each impulse kept non-negative), then e times
     * those again (the balls' or the cushion's e) as they spring apart. For two balls alone this is
     * {@link #collide}. A rack so spreads an impact over many balls where pairwise collisions would
     * pass it down single chains, and two balls wedged in a pocket's jaws are freed at once where
     * pairwise they would bounce between each other and the jaws without time passing. Friction
     * (throw, and the cushions') acts per contact after.
     */
    private void collideAtOnce(List<Integer> cluster, List<Contact> contacts) {
        double[] impulse = new double[contacts.size()];
        for (int sweep = 0; sweep < CLUSTER_SWEEPS; sweep++) {
            for (int k = 0; k < contacts.size(); k++) {
                Contact contact = contacts.get(k);
                double added = Math.max(-impulse[k], closing(contact) / (contact.withCushion() ? 1 : 2));
                push(contact, added);
                impulse[k] += added;
            }
        }
        for (int k = 0; k < contacts.size(); k++) {
            Contact contact = contacts.get(k);
            MovingBall to = balls[contact.to()];
            if (contact.withCushion()) {
                double e = settings.cushionRestitution();
                push(contact, e * impulse[k]);
                rubCushion(to, contact.nx(), contact.ny(), (1 + e) * impulse[k]);
            } else {
                double e = settings.ballRestitution();
                push(contact, e * impulse[k]);
                rub(balls[contact.from()], to, contact.nx(), contact.ny(), (1 + e) * impulse[k]);
            }
        }
        for (int i : cluster) {
            balls[i].classify();
        }
    }

    private double closing(Contact contact) {
        MovingBall to = balls[contact.to()];
        double closing = -(to.vx * contact.nx() + to.vy * contact.ny());
        if (!contact.withCushion()) {
            MovingBall from = balls[contact.from()];
            closing += from.vx * contact.nx() + from.vy * contact.ny();
        }
        return closing;
    }

    /** A normal impulse (per unit mass) along the contact's normal. */
    private void push(Contact contact, double impulse) {
        if (!contact.withCushion()) {
            balls[contact.from()].vx -= impulse * contact.nx();
            balls[contact.from()].vy -= impulse * contact.ny();
        }
        balls[contact.to()].vx += impulse * contact.nx();
        balls[contact.to()].vy += impulse * contact.ny();
    }

    /**
     * A cushion (or a jaw tip) whose face looks along (nx, ny), towards the ball: the speed into it
     * comes back times e; friction at the contact, on the ball's equator, acts against its slip
     * along the cushion, at most μ times the normal impulse and never more than stops the slip
     * (which changes by 7/2 of the tangential impulse per unit mass), and turns the ball about z.
     */
    private void bounce(MovingBall ball, double nx, double ny) {
        double into = ball.vx * nx + ball.vy * ny;
        double normal = -(1 + settings.cushionRestitution()) * Math.min(0, into);
        ball.vx += normal * nx;
        ball.vy += normal * ny;
        rubCushion(ball, nx, ny, normal);
        ball.classify();
    }

    /** The cushion's friction on a ball it pushed along (nx, ny) with this normal impulse. */
    private void rubCushion(MovingBall ball, double nx, double ny, double normal) {
        double tx = -ny;
        double ty = nx;
        double slip = ball.vx * tx + ball.vy * ty - radius * ball.wz;
        double tangential = -Math.copySign(Math.min(settings.cushionFriction() * normal, 2 * Math.abs(slip) / 7), slip);
        ball.vx += tangential * tx;
        ball.vy += tangential * ty;
        ball.wz -= 2.5 * tangential / radius;
    }

    /** After an event changed ball i: close its path stretch, and find its next events again. */
    private void changed(int i) {
        closeSegment(i);
        openSegment(i);
        recomputeOwn(i);
        for (int j = 0; j < balls.length; j++) {
            if (j != i) {
                pairTime[Math.min(i, j)][Math.max(i, j)] = pairEntry(Math.min(i, j), Math.max(i, j));
            }
        }
    }

    private void openSegment(int i) {
        MovingBall ball = balls[i];
        double[] s = segment[i];
        s[0] = now;
        s[1] = ball.x;
        s[2] = ball.y;
        s[3] = ball.vx;
        s[4] = ball.vy;
        s[5] = ball.moves() ? ball.ax() : 0;
        s[6] = ball.moves() ? ball.ay() : 0;
        stretches.get(i).add(new ShotTimeline.Stretch(now, ball.state(), ball.pocketed));
    }

    /** Adds the stretch that ends now to the path: sampled if it curved, its end point in any case. */
    private void closeSegment(int i) {
        double[] s = segment[i];
        List<PathPoint> path = paths.get(i);
        double duration = now - s[0];
        boolean curved = Math.abs(s[3] * s[6] - s[4] * s[5]) > 1e-9 * (Math.abs(s[3]) + Math.abs(s[4]) + 1);
        if (curved) {
            for (int k = 1; k < CURVE_SAMPLES; k++) {
                double t = duration * k / CURVE_SAMPLES;
                path.add(new PathPoint(s[0] + t, s[1] + s[3] * t + 0.5 * s[5] * t * t,
                        s[2] + s[4] * t + 0.5 * s[6] * t * t));
            }
        }
        PathPoint last = path.get(path.size() - 1);
        if (last.time() != now || last.x() != balls[i].x || last.y() != balls[i].y) {
            path.add(new PathPoint(now, balls[i].x, balls[i].y));
        }
    }

    /** The earliest of ball i's own events: its phase ending, a cushion, a jaw tip, a drop. */
    private void recomputeOwn(int i) {
        MovingBall ball = balls[i];
        ownTime[i] = Double.POSITIVE_INFINITY;
        phaseEnd[i] = Double.POSITIVE_INFINITY;
        if (ball.pocketed) {
            return;
        }
        phaseEnd[i] = now + ball.phaseEndsIn();
        setOwn(i, phaseEnd[i], Kind.PHASE, -1);
        double horizon = phaseEnd[i] - now;
        double ax = ball.moves() ? ball.ax() / 2 : 0;
        double ay = ball.moves() ? ball.ay() / 2 : 0;
        box[i][0] = ball.x;
        box[i][1] = ball.x;
        box[i][2] = ball.y;
        box[i][3] = ball.y;
        if (!ball.moves()) {
            return;
        }
        stretch(box[i], 0, ball.x, ball.vx, ax, horizon);
        stretch(box[i], 2, ball.y, ball.vy, ay, horizon);
        List<TableBoundary.Wall> walls = boundary.walls;
        for (int w = 0; w < walls.size(); w++) {
            TableBoundary.Wall wall = walls.get(w);
            double gap = (ball.x - wall.x1()) * wall.nx() + (ball.y - wall.y1()) * wall.ny() - radius + CONTACT_SLACK_MM;
            double x2 = wall.x1() + wall.dx() * wall.length();
            double y2 = wall.y1() + wall.dy() * wall.length();
            if (!near(box[i], Math.min(wall.x1(), x2), Math.max(wall.x1(), x2), Math.min(wall.y1(), y2),
                    Math.max(wall.y1(), y2), radius)) {
                continue;
            }
            double[] p = {gap, ball.vx * wall.nx() + ball.vy * wall.ny(), ax * wall.nx() + ay * wall.ny()};
            double t = Polynomials.firstEntry(p, 0, horizon, MIN_CLOSING_RATE);
            if (now + t < ownTime[i]) {
                double along = (ball.x + ball.vx * t + ax * t * t - wall.x1()) * wall.dx()
                        + (ball.y + ball.vy * t + ay * t * t - wall.y1()) * wall.dy();
                if (along >= 0 && along <= wall.length()) {
                    setOwn(i, now + t, Kind.WALL, w);
                }
            }
        }
        List<TableBoundary.Tip> tips = boundary.tips;
        double reach = radius - CONTACT_SLACK_MM;
        for (int k = 0; k < tips.size(); k++) {
            TableBoundary.Tip tip = tips.get(k);
            double dx = ball.x - tip.x();
            double dy = ball.y - tip.y();
            if (!near(box[i], tip.x(), tip.x(), tip.y(), tip.y(), radius)) {
                continue;
            }
            double t = Polynomials.firstEntry(squaredGap(dx, dy, ball.vx, ball.vy, ax, ay, reach), 0, horizon,
                    MIN_CLOSING_RATE);
            if (now + t < ownTime[i]) {
                setOwn(i, now + t, Kind.TIP, k);
            }
        }
        List<TableBoundary.Drop> drops = boundary.drops;
        for (int k = 0; k < drops.size(); k++) {
            TableBoundary.Drop drop = drops.get(k);
            double dx = drop.x() - ball.x;
            double dy = drop.y() - ball.y;
            if (!near(box[i], drop.x(), drop.x(), drop.y(), drop.y(), drop.halfWidth())) {
                continue;
            }
            // How far the centre still is from the drop line, falling to zero as it crosses.
            double[] p = {dx * drop.ax() + dy * drop.ay(), -(ball.vx * drop.ax() + ball.vy * drop.ay()),
                    -(ax * drop.ax() + ay * drop.ay())};
            double t = Polynomials.firstEntry(p, 0, horizon, 0);
            if (now + t < ownTime[i]) {
                double across = (ball.x + ball.vx * t + ax * t * t - drop.x()) * -drop.ay()
                        + (ball.y + ball.vy * t + ay * t * t - drop.y()) * drop.ax();
                if (Math.abs(across) <= drop.halfWidth()) {
                    setOwn(i, now + t, Kind.DROP, k);
                }
            }
        }
    }

    private void setOwn(int i, double time, Kind kind, int target) {
        if (time < ownTime[i]) {
            ownTime[i] = time;
            ownKind[i] = kind;
            ownTarget[i] = target;
        }
    }

    /** When balls i and j (i < j) next touch while closing, within both balls' current phases. */
    private double pairEntry(int i, int j) {
        MovingBall a = balls[i];
        MovingBall b = balls[j];
        if (a.pocketed || b.pocketed || (!a.moves() && !b.moves())) {
            return Double.POSITIVE_INFINITY;
        }
        double[] other = box[j];
        if (!near(box[i], other[0], other[1], other[2], other[3], 2 * radius)) {
            return Double.POSITIVE_INFINITY;
        }
        double horizon = Math.min(phaseEnd[i], phaseEnd[j]) - now;
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double ax = (b.moves() ? b.ax() : 0) - (a.moves() ? a.ax() : 0);
        double ay = (b.moves() ? b.ay() : 0) - (a.moves() ? a.ay() : 0);
        double reach = 2 * radius - CONTACT_SLACK_MM;
        double[] p = squaredGap(dx, dy, b.vx - a.vx, b.vy - a.vy, ax / 2, ay / 2, reach);
        if (p[0] <= 0 && p[1] >= -MIN_CLOSING_RATE) {
            // Touching (a contact just resolved, or rounding) and not closing: they meet again once
            // they close in by the slack, so that a pair that drifts back together, as the cloth's
            // friction can turn two balls that barely separated, is not let through each other.
            p[0] = 2 * reach * CONTACT_SLACK_MM;
        }
        return now + Polynomials.firstEntry(p, 0, horizon, MIN_CLOSING_RATE);
    }

    /** Widens bounds[at], bounds[at + 1] to hold p + v t + a t² for t in [0, horizon] (a is half the acceleration). */
    private static void stretch(double[] bounds, int at, double p, double v, double a, double horizon) {
        double end = p + v * horizon + a * horizon * horizon;
        bounds[at] = Math.min(p, end);
        bounds[at + 1] = Math.max(p, end);
        double turn = a == 0 ? -1 : -v / (2 * a);
        if (turn > 0 && turn < horizon) {
            double extreme = p + v * turn + a * turn * turn;
            bounds[at] = Math.min(bounds[at], extreme);
            bounds[at + 1] = Math.max(bounds[at + 1], extreme);
        }
    }

    /** Whether the box comes within margin of the rectangle [minX, maxX] x [minY, maxY]. */
    private static boolean near(double[] bounds, double minX, double maxX, double minY, double maxY, double margin) {
        return bounds[0] <= maxX + margin && bounds[1] >= minX - margin && bounds[2] <= maxY + margin && bounds[3] >= minY - margin;
    }

    /** |d + v t + a t²|² − reach², lowest power first: the squared gap between two centres. */
    private static double[] squaredGap(double dx, double dy, double vx, double vy, double ax, double ay,
                                       double reach) {
        return new double[] {
            dx * dx + dy * dy - reach * reach,
            2 * (dx * vx + dy * vy),
            vx * vx + vy * vy + 2 * (dx * ax + dy * ay),
            2 * (vx * ax + vy * ay),
            ax * ax + ay * ay
        };
    }
}
