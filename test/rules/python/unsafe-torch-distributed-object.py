import torch.distributed as dist
from torch.distributed import all_gather_object

objects = [config] if rank == 0 else [None]
# expect: unsafe-torch-distributed-object
dist.broadcast_object_list(objects, src=0)
# expect: unsafe-torch-distributed-object
all_gather_object(gathered, metrics)
# expect: unsafe-torch-distributed-object
dist.scatter_object_list(out, inputs if rank == 0 else None, src=0)
# ok: unsafe-torch-distributed-object
dist.broadcast(tensor, src=0)
# ok: unsafe-torch-distributed-object
dist.all_reduce(loss)
