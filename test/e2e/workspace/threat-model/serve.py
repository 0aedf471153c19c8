import torch

state = torch.load("checkpoint.pt")
