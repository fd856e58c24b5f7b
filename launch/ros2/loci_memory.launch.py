"""Starts the Loci memory node on a robot (or a base station) that has ROS 2.

The node is a Java program (`loci serve`) that speaks ROS 2 over DDS itself, so it is started as a
process rather than a Node action. It joins ROS_DOMAIN_ID like every other node.

    source /opt/ros/humble/setup.bash
    source ~/loci_ws/install/setup.bash          # loci_msgs, built with colcon
    ros2 launch /path/to/loci/launch/ros2/loci_memory.launch.py \
        params:=/path/to/loci/launch/config/loci_memory.params.yaml namespace:=/site_a

Use rmw_cyclonedds_cpp on the ROS side (export RMW_IMPLEMENTATION=rmw_cyclonedds_cpp): Loci serves its
services in rmw_cyclonedds' wire format. Topics work with any RMW.
"""
import os

from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument, ExecuteProcess, SetEnvironmentVariable
from launch.substitutions import LaunchConfiguration

LOCI_HOME = os.environ.get(
    'LOCI_HOME', os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..')))


def generate_launch_description():
    params = LaunchConfiguration('params')
    namespace = LaunchConfiguration('namespace')
    data = LaunchConfiguration('data')
    return LaunchDescription([
        DeclareLaunchArgument(
            'params', default_value=os.path.join(LOCI_HOME, 'launch', 'config', 'loci_memory.params.yaml'),
            description='ROS 2 parameter file of the loci_memory node'),
        DeclareLaunchArgument('namespace', default_value='', description='namespace of the node'),
        DeclareLaunchArgument('data', default_value=os.path.join(LOCI_HOME, 'loci-data', 'serve'),
                              description='memory directory (kept across runs)'),
        SetEnvironmentVariable('RMW_IMPLEMENTATION', 'rmw_cyclonedds_cpp'),
        ExecuteProcess(
            cmd=[os.path.join(LOCI_HOME, 'loci'), 'serve', '--params', params, '--namespace', namespace,
                 '--data', data],
            name='loci_memory', output='screen', emulate_tty=True, sigterm_timeout='10'),
    ])
