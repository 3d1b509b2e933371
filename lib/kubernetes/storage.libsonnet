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
local k = import 'k.libsonnet';

{
  '#new':: 'new(config) returns { standard, fastSsd } StorageClasses for config.storage.cloud, or {} when storage.manageStorageClasses is false.',
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
    if config.storage.manageStorageClasses then {
      standard: storageClass('mop-standard', cloud.standard),
      fastSsd: storageClass('mop-fast-ssd', cloud.fastSsd),
    } else {},
}
