# assumption: propagating a negative module constant into import-time code keeps precedence
N = -3
print(N ** 2, 2 ** N, -N, N.__abs__())
