/*
 * A robot-side peer written against plain Cyclone DDS (the DDS under ROS 2's rmw_cyclonedds), with types
 * idlc compiled from the IDL the build generated from loci_msgs. It publishes detections, a task event,
 * odometry and a robot state as a robot would, reads its latched nearby-object list, and calls every Loci
 * service the rmw_cyclonedds way: requests on
 * rq/<service>Request carrying (client_guid, sequence_number) before the fields, replies taken from
 * rr/<service>Reply and kept only when they carry this client's guid. One line per answer on stdout.
 *
 * usage: loci_interop_peer <domain id> <namespace of the memory node, e.g. /site_a>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dds/dds.h"
#include "loci_msgs/msg/DetectionArray_.h"
#include "loci_msgs/msg/TaskEvent_.h"
#include "loci_msgs/msg/RobotState_.h"
#include "loci_msgs/msg/ObjectList_.h"
#include "nav_msgs/msg/Odometry_.h"
#include "loci_msgs/srv/WhereIs_Request_.h"
#include "loci_msgs/srv/WhereIs_Response_.h"
#include "loci_msgs/srv/ObjectsNear_Request_.h"
#include "loci_msgs/srv/ObjectsNear_Response_.h"
#include "loci_msgs/srv/Recall_Request_.h"
#include "loci_msgs/srv/Recall_Response_.h"
#include "loci_msgs/srv/SnapshotsFor_Request_.h"
#include "loci_msgs/srv/SnapshotsFor_Response_.h"
#include "loci_msgs/srv/Frontiers_Request_.h"
#include "loci_msgs/srv/Frontiers_Response_.h"
#include "loci_msgs/srv/StateAt_Request_.h"
#include "loci_msgs/srv/StateAt_Response_.h"
#include "loci_msgs/srv/RobotProfiles_Request_.h"
#include "loci_msgs/srv/RobotProfiles_Response_.h"
#include "loci_msgs/srv/ToolCall_Request_.h"
#include "loci_msgs/srv/ToolCall_Response_.h"

typedef struct { uint64_t client_guid; int64_t sequence_number; } header_t;

static dds_entity_t participant;
static dds_qos_t *reliable;
static uint64_t guid;
static int64_t next_sequence = 1;
static const char *ns;

static void die(const char *what, dds_return_t rc) {
  fprintf(stderr, "loci_interop_peer: %s: %s\n", what, dds_strretcode(rc));
  exit(2);
}

static dds_entity_t writer_on(const dds_topic_descriptor_t *desc, const char *topic) {
  dds_entity_t t = dds_create_topic(participant, desc, topic, NULL, NULL);
  if (t < 0) die(topic, t);
  dds_entity_t w = dds_create_writer(participant, t, reliable, NULL);
  if (w < 0) die(topic, w);
  return w;
}

static dds_entity_t reader_on(const dds_topic_descriptor_t *desc, const char *topic) {
  dds_entity_t t = dds_create_topic(participant, desc, topic, NULL, NULL);
  if (t < 0) die(topic, t);
  dds_entity_t r = dds_create_reader(participant, t, reliable, NULL);
  if (r < 0) die(topic, r);
  return r;
}

static void wait_matched_writer(dds_entity_t w, const char *what) {
  for (int i = 0; i < 1500; i++) {
    dds_publication_matched_status_t st;
    dds_get_publication_matched_status(w, &st);
    if (st.current_count > 0) return;
    dds_sleepfor(DDS_MSECS(10));
  }
  fprintf(stderr, "loci_interop_peer: nobody reads %s\n", what);
  exit(3);
}

static void wait_matched_reader(dds_entity_t r, const char *what) {
  for (int i = 0; i < 1500; i++) {
    dds_subscription_matched_status_t st;
    dds_get_subscription_matched_status(r, &st);
    if (st.current_count > 0) return;
    dds_sleepfor(DDS_MSECS(10));
  }
  fprintf(stderr, "loci_interop_peer: nobody writes %s\n", what);
  exit(3);
}

typedef struct {
  dds_entity_t requests, replies;
  const dds_topic_descriptor_t *reply_desc;
} client_t;

static client_t client(const char *service, const dds_topic_descriptor_t *rq, const dds_topic_descriptor_t *rr) {
  char name[256];
  client_t c;
  snprintf(name, sizeof name, "rq%s/%sRequest", ns, service);
  c.requests = writer_on(rq, name);
  snprintf(name, sizeof name, "rr%s/%sReply", ns, service);
  c.replies = reader_on(rr, name);
  c.reply_desc = rr;
  wait_matched_writer(c.requests, service);
  wait_matched_reader(c.replies, service);
  return c;
}

/*
 * Sends the request (whose first members are the header) and returns the reply carrying our guid and sequence.
 * Discovery is asymmetric: our writer can match the service's reader before the service has matched us back, and a
 * volatile reader drops what was written before it matched. So, as a ROS 2 client would, an unanswered request is
 * sent again under a new sequence number (every Loci service here is a read, so repeating one is harmless).
 */
static void *call(client_t *c, void *request) {
  header_t *h = (header_t *) request;
  h->client_guid = guid;
  for (int attempt = 1; attempt <= 8; attempt++) {
    h->sequence_number = next_sequence++;
    dds_return_t rc = dds_write(c->requests, request);
    if (rc < 0) die("write request", rc);
    for (int i = 0; i < 300; i++) {
      void *samples[1] = { NULL };
      dds_sample_info_t info[1];
      int n = dds_take(c->replies, samples, info, 1, 1);
      if (n > 0) {
        header_t *r = (header_t *) samples[0];
        if (info[0].valid_data && r->client_guid == guid && r->sequence_number == h->sequence_number) {
          void *copy = calloc(1, c->reply_desc->m_size);
          memcpy(copy, samples[0], c->reply_desc->m_size); /* shallow: strings/sequences stay in the loan */
          return copy; /* the loan is not returned: a short-lived test program */
        }
        dds_return_loan(c->replies, samples, n);
        continue;
      }
      dds_sleepfor(DDS_MSECS(10));
    }
    fprintf(stderr, "loci_interop_peer: no reply to %lld after 3 s (attempt %d)\n", (long long) h->sequence_number, attempt);
  }
  fprintf(stderr, "loci_interop_peer: no reply %lld\n", (long long) h->sequence_number);
  exit(4);
}

static void set_pose_identity(struct geometry_msgs_msg_dds__Pose_ *p) {
  memset(p, 0, sizeof *p);
  p->orientation.w = 1.0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <domain id> <node namespace>\n", argv[0]);
    return 1;
  }
  ns = strcmp(argv[2], "/") == 0 ? "" : argv[2];
  participant = dds_create_participant((dds_domainid_t) atoi(argv[1]), NULL, NULL);
  if (participant < 0) die("participant", participant);
  reliable = dds_create_qos();
  dds_qset_reliability(reliable, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(reliable, DDS_HISTORY_KEEP_LAST, 10);
  srand((unsigned) time(NULL) ^ (unsigned) clock());
  guid = ((uint64_t) rand() << 32) ^ (uint64_t) rand() ^ 0x10c1;

  /* What a robot publishes. */
  dds_entity_t detections = writer_on(&loci_msgs_msg_dds__DetectionArray__desc, "rt/robot_1/detections");
  dds_entity_t tasks = writer_on(&loci_msgs_msg_dds__TaskEvent__desc, "rt/robot_1/task_events");
  dds_entity_t states = writer_on(&loci_msgs_msg_dds__RobotState__desc, "rt/robot_1/robot_state");
  dds_entity_t odometry = writer_on(&nav_msgs_msg_dds__Odometry__desc, "rt/robot_1/odom");
  wait_matched_writer(odometry, "odom");
  wait_matched_writer(detections, "detections");
  wait_matched_writer(tasks, "task_events");
  wait_matched_writer(states, "robot_state");

  loci_msgs_msg_dds__Detection_ seen[2];
  memset(seen, 0, sizeof seen);
  const char *labels[2] = { "mug", "chair" };
  double xyz[2][3] = { { 2.0, 0.0, 0.8 }, { 3.0, 1.0, 0.0 } };
  for (int i = 0; i < 2; i++) {
    snprintf(seen[i].id, sizeof seen[i].id, "c%d", i);
    snprintf(seen[i].class_id, sizeof seen[i].class_id, "%s", labels[i]);
    seen[i].score = 0.9;
    set_pose_identity(&seen[i].center);
    seen[i].center.position.x = xyz[i][0];
    seen[i].center.position.y = xyz[i][1];
    seen[i].center.position.z = xyz[i][2];
    seen[i].size.x = seen[i].size.y = seen[i].size.z = 0.1;
  }
  loci_msgs_msg_dds__DetectionArray_ array;
  memset(&array, 0, sizeof array);
  array.header.stamp.sec = 20;
  array.header.frame_id = "map";
  snprintf(array.robot, sizeof array.robot, "robot_1");
  snprintf(array.sensor, sizeof array.sensor, "front_camera");
  set_pose_identity(&array.sensor_pose);
  array.detections._length = 2;
  array.detections._maximum = 2;
  array.detections._buffer = seen;
  if (dds_write(detections, &array) < 0) die("write detections", -1);

  loci_msgs_msg_dds__TaskEvent_ event;
  memset(&event, 0, sizeof event);
  event.header.stamp.sec = 21;
  event.header.frame_id = "map";
  snprintf(event.robot, sizeof event.robot, "robot_1");
  snprintf(event.kind, sizeof event.kind, "started");
  snprintf(event.task_id, sizeof event.task_id, "fetch_7");
  snprintf(event.description, sizeof event.description, "fetch the mug for the kitchen");
  if (dds_write(tasks, &event) < 0) die("write task event", -1);


  /* where_is: memory ingests asynchronously, so ask until the mug is there (at most ~10 s). */
  client_t where_is = client("where_is", &loci_msgs_srv_dds__WhereIs_Request__desc, &loci_msgs_srv_dds__WhereIs_Response__desc);
  loci_msgs_srv_dds__WhereIs_Response_ *w = NULL;
  for (int attempt = 0; attempt < 50; attempt++) {
    loci_msgs_srv_dds__WhereIs_Request_ q;
    memset(&q, 0, sizeof q);
    snprintf(q.body.class_id, sizeof q.body.class_id, "mug");
    w = call(&where_is, &q);
    if (w->body.ok && w->body.objects._length > 0) break;
    dds_sleepfor(DDS_MSECS(200));
  }
  printf("where_is ok=%d n=%u class=%s x=%.3f y=%.3f by=%s\n", w->body.ok, w->body.objects._length,
         w->body.objects._length ? w->body.objects._buffer[0].class_id : "-",
         w->body.objects._length ? w->body.objects._buffer[0].position.x : 0.0,
         w->body.objects._length ? w->body.objects._buffer[0].position.y : 0.0,
         w->body.objects._length ? w->body.objects._buffer[0].last_seen_by : "-");

  {
    loci_msgs_srv_dds__WhereIs_Request_ q;
    memset(&q, 0, sizeof q);
    loci_msgs_srv_dds__WhereIs_Response_ *r = call(&where_is, &q);
    printf("where_is_empty_class ok=%d error=%s\n", r->body.ok, r->body.error);
  }
  {
    client_t c = client("objects_near", &loci_msgs_srv_dds__ObjectsNear_Request__desc, &loci_msgs_srv_dds__ObjectsNear_Response__desc);
    loci_msgs_srv_dds__ObjectsNear_Request_ q;
    memset(&q, 0, sizeof q);
    q.body.center.x = 3.0;
    q.body.center.y = 1.0;
    q.body.radius = 0.5;
    loci_msgs_srv_dds__ObjectsNear_Response_ *r = call(&c, &q);
    printf("objects_near ok=%d n=%u first=%s\n", r->body.ok, r->body.objects._length,
           r->body.objects._length ? r->body.objects._buffer[0].class_id : "-");
  }
  {
    client_t c = client("recall", &loci_msgs_srv_dds__Recall_Request__desc, &loci_msgs_srv_dds__Recall_Response__desc);
    loci_msgs_srv_dds__Recall_Response_ *r = NULL;
    for (int attempt = 0; attempt < 50; attempt++) {
      loci_msgs_srv_dds__Recall_Request_ q;
      memset(&q, 0, sizeof q);
      snprintf(q.body.mode, sizeof q.body.mode, "time");
      q.body.until.sec = 100;
      snprintf(q.body.robot, sizeof q.body.robot, "robot_1");
      r = call(&c, &q);
      if (r->body.ok && r->body.events._length > 0) break;
      dds_sleepfor(DDS_MSECS(200));
    }
    printf("recall ok=%d n=%u first=%s\n", r->body.ok, r->body.events._length,
           r->body.events._length ? r->body.events._buffer[0].description : "-");
  }
  {
    client_t c = client("snapshots_for", &loci_msgs_srv_dds__SnapshotsFor_Request__desc, &loci_msgs_srv_dds__SnapshotsFor_Response__desc);
    loci_msgs_srv_dds__SnapshotsFor_Request_ q;
    memset(&q, 0, sizeof q);
    loci_msgs_srv_dds__SnapshotsFor_Response_ *r = call(&c, &q);
    printf("snapshots_for ok=%d n=%u\n", r->body.ok, r->body.snapshots._length);
  }
  {
    client_t c = client("frontiers", &loci_msgs_srv_dds__Frontiers_Request__desc, &loci_msgs_srv_dds__Frontiers_Response__desc);
    loci_msgs_srv_dds__Frontiers_Request_ q;
    memset(&q, 0, sizeof q);
    q.body.max_results = 5;
    loci_msgs_srv_dds__Frontiers_Response_ *r = call(&c, &q);
    printf("frontiers ok=%d n=%u\n", r->body.ok, r->body.frontiers._length);
  }
  {
    client_t c = client("state_at", &loci_msgs_srv_dds__StateAt_Request__desc, &loci_msgs_srv_dds__StateAt_Response__desc);
    loci_msgs_srv_dds__StateAt_Request_ q;
    memset(&q, 0, sizeof q);
    q.body.stamp.sec = 20;
    loci_msgs_srv_dds__StateAt_Response_ *r = call(&c, &q);
    printf("state_at ok=%d objects=%u robots=%u\n", r->body.ok, r->body.objects._length, r->body.robots._length);
  }
  {
    /* Odometry first, then (once memory shows the odometry pose) the robot state with its own pose. */
    nav_msgs_msg_dds__Odometry_ odom;
    memset(&odom, 0, sizeof odom);
    odom.header.stamp.sec = 19;
    odom.header.frame_id = "map";
    odom.child_frame_id = "base_link";
    set_pose_identity(&odom.pose.pose);
    odom.pose.pose.position.x = 1.5;
    odom.pose.pose.position.y = 0.25;
    if (dds_write(odometry, &odom) < 0) die("write odometry", -1);
    client_t c = client("robot_profiles", &loci_msgs_srv_dds__RobotProfiles_Request__desc, &loci_msgs_srv_dds__RobotProfiles_Response__desc);
    double x = -1;
    for (int attempt = 0; attempt < 50 && x != 1.5; attempt++) {
      loci_msgs_srv_dds__RobotProfiles_Request_ q;
      memset(&q, 0, sizeof q);
      loci_msgs_srv_dds__RobotProfiles_Response_ *r = call(&c, &q);
      for (uint32_t i = 0; i < r->body.robots._length; i++) {
        if (strcmp(r->body.robots._buffer[i].robot, "robot_1") == 0) x = r->body.robots._buffer[i].pose.position.x;
      }
      if (x != 1.5) dds_sleepfor(DDS_MSECS(200));
    }
    printf("odometry robot_1_x=%.2f\n", x);
  }
  {
    /* Loci's output for the robot's controllers: the latched list of remembered objects near it. */
    dds_qos_t *latched = dds_create_qos();
    dds_qset_reliability(latched, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
    dds_qset_durability(latched, DDS_DURABILITY_TRANSIENT_LOCAL);
    dds_qset_history(latched, DDS_HISTORY_KEEP_LAST, 1);
    dds_entity_t t = dds_create_topic(participant, &loci_msgs_msg_dds__ObjectList__desc, "rt/robot_1/nearby_objects", NULL, NULL);
    dds_entity_t rd = dds_create_reader(participant, t, latched, NULL);
    if (rd < 0) die("nearby_objects reader", rd);
    const char *first = "-";
    uint32_t n = 0;
    for (int i = 0; i < 1000 && n == 0; i++) {
      void *samples[1] = { NULL };
      dds_sample_info_t info[1];
      if (dds_take(rd, samples, info, 1, 1) > 0 && info[0].valid_data) {
        loci_msgs_msg_dds__ObjectList_ *list = samples[0];
        n = list->objects._length;
        if (n > 0) first = list->objects._buffer[0].class_id;
      } else {
        dds_sleepfor(DDS_MSECS(10));
      }
    }
    printf("nearby_objects n=%u nearest=%s\n", n, first);
  }
  loci_msgs_msg_dds__RobotState_ state;
  memset(&state, 0, sizeof state);
  state.header.stamp.sec = 22;
  state.header.frame_id = "map";
  snprintf(state.robot, sizeof state.robot, "robot_1");
  snprintf(state.status, sizeof state.status, "busy");
  state.battery = 0.4;
  set_pose_identity(&state.pose);
  state.pose.position.x = 1.0;
  if (dds_write(states, &state) < 0) die("write robot state", -1);
  {
    client_t c = client("robot_profiles", &loci_msgs_srv_dds__RobotProfiles_Request__desc, &loci_msgs_srv_dds__RobotProfiles_Response__desc);
    loci_msgs_srv_dds__RobotProfiles_Response_ *r = NULL;
    const char *status = "-";
    double battery = -1;
    for (int attempt = 0; attempt < 50 && battery != 0.4; attempt++) {
      loci_msgs_srv_dds__RobotProfiles_Request_ q;
      memset(&q, 0, sizeof q);
      r = call(&c, &q);
      for (uint32_t i = 0; i < r->body.robots._length; i++) {
        if (strcmp(r->body.robots._buffer[i].robot, "robot_1") == 0) {
          status = r->body.robots._buffer[i].status;
          battery = r->body.robots._buffer[i].battery;
        }
      }
      if (battery != 0.4) dds_sleepfor(DDS_MSECS(200));
    }
    printf("robot_profiles ok=%d n=%u robot_1=%s battery=%.2f\n", r->body.ok, r->body.robots._length, status, battery);
  }
  {
    client_t c = client("tool_call", &loci_msgs_srv_dds__ToolCall_Request__desc, &loci_msgs_srv_dds__ToolCall_Response__desc);
    loci_msgs_srv_dds__ToolCall_Request_ q;
    memset(&q, 0, sizeof q);
    snprintf(q.body.tool, sizeof q.body.tool, "count_objects_of_class");
    snprintf(q.body.arguments_json, sizeof q.body.arguments_json, "{\"class\": \"chair\"}");
    loci_msgs_srv_dds__ToolCall_Response_ *r = call(&c, &q);
    printf("tool_call ok=%d result=%s\n", r->body.ok, r->body.result_json);
  }
  fflush(stdout);
  dds_delete(participant);
  return 0;
}
