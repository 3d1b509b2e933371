// StorageClasses of the MOP stack: mop-standard and mop-fast-ssd, provisioned by the CSI driver of
// the configured cloud (GKE, EKS or AKS).
//
// They use the CSI drivers rather than the legacy in-tree provisioners (kubernetes.io/gce-pd and
// friends), whose volume plugins were removed from Kubernetes. Volumes bind when their pod is
// scheduled, so a zonal disk lands in the pod's zone, and can be expanded in place. Production
// retains volumes when their claims are deleted.
//
// StorageClasses are cluster-scoped: environments sharing a cluster must create them once
// (storage.manageStorageClasses: false in the others).
//
// Local volumes (storage.local.volumes) are for clusters without a CSI driver: a PersistentVolume
// per component, a directory on one node (`local`, with the node affinity that pins the pod there),
// pre-bound to the claim the component mounts; and the `local-storage` StorageClass without a
// provisioner, which binds when the pod is scheduled.
local catalog = import '../catalog.libsonnet';
local k = import 'k.libsonnet';

{
  '#new':: 'new(config) returns { standard, fastSsd } StorageClasses for config.storage.cloud (none when storage.manageStorageClasses is false), and localStorage when the environment has local volumes.',
  new(config)::
    local component = k.infrastructure(config, 'storage');
    local cloud = config.storage.clouds[config.storage.cloud];
    local storageClass(name, parameters) = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: k.clusterMetadata(component, name),
      provisioner: cloud.provisioner,
      parameters: parameters,
      reclaimPolicy: config.storage.reclaimPolicy,
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    };
    local localStorage = config.storage['local'];
    (if config.storage.manageStorageClasses then {
       standard: storageClass('mop-standard', cloud.standard),
       fastSsd: storageClass('mop-fast-ssd', cloud.fastSsd),
     } else {})
    + (if localStorage.manageStorageClass && localStorage.volumes != {} then {
         localStorage: {
           apiVersion: 'storage.k8s.io/v1',
           kind: 'StorageClass',
           metadata: k.clusterMetadata(component, localStorage.className),
           provisioner: 'kubernetes.io/no-provisioner',
           reclaimPolicy: localStorage.reclaimPolicy,
           volumeBindingMode: 'WaitForFirstConsumer',
         },
       } else {}),

  '#hasLocalVolume':: 'hasLocalVolume(config, name) is true when the component keeps its data on a local PersistentVolume.',
  hasLocalVolume(config, name):: std.objectHas(config.storage['local'].volumes, name),

  '#claimName':: 'claimName(name) is the PersistentVolumeClaim a component with a local volume mounts.',
  claimName(name):: catalog.appName(name) + '-data',

  '#localVolume':: 'localVolume(config, name) returns { persistentVolume, persistentVolumeClaim } for a component with a local volume, else {}.',
  localVolume(config, name)::
    if !$.hasLocalVolume(config, name) then {}
    else
      local volume = config.storage['local'].volumes[name];
      local component = k.mopComponent(config, name);
      // Cluster-scoped: the name carries the namespace, like the ClusterRoles.
      local pvName = '%s-%s' % [config.namespace, catalog.appName(name)];
      {
        persistentVolume: {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: k.clusterMetadata(component, pvName),
          spec: {
            capacity: { storage: volume.size },
            volumeMode: 'Filesystem',
            accessModes: ['ReadWriteOnce'],
            persistentVolumeReclaimPolicy: config.storage['local'].reclaimPolicy,
            storageClassName: config.storage['local'].className,
            // Reserved for this component's claim, so no other claim can take it.
            claimRef: { namespace: config.namespace, name: $.claimName(name) },
            'local': { path: volume.path },
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [{
                  matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [volume.node] }],
                }],
              },
            },
          },
        },
        persistentVolumeClaim: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: k.metadata(config, component, $.claimName(name)),
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: config.storage['local'].className,
            volumeName: pvName,
            resources: { requests: { storage: volume.size } },
          },
        },
      },

  '#dataVolume':: "dataVolume(config, name, labels, size) returns the StatefulSet spec and pod spec fields of a component's data volume named data: a volumeClaimTemplate, or the local volume's claim.",
  dataVolume(config, name, labels, size)::
    if $.hasLocalVolume(config, name) then {
      statefulSet: {},
      podVolumes: [{ name: 'data', persistentVolumeClaim: { claimName: $.claimName(name) } }],
    } else {
      statefulSet: {
        volumeClaimTemplates: [{
          metadata: { name: 'data', labels: labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: config.storage.className,
            resources: { requests: { storage: size } },
          },
        }],
      },
      podVolumes: [],
    },
}
