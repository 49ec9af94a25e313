"""bpkit: the student helper package of the backpropagation course.

Provided, ungraded helpers, one concept per module (import the module you need):

- ``bpkit.activations``: sigmoid, relu, tanh (forward only, each returning (A, Z)).
- ``bpkit.caches``: the LinearCache and LayerCache tuples the forward pass remembers.
- ``bpkit.forward``: linear_forward, linear_activation_forward, L_model_forward,
  forward_propagation.
- ``bpkit.init``: initialize_parameters_deep, initialize_parameters.
- ``bpkit.gradcheck``: numerical gradients and a gradient checker with readable messages.
- ``bpkit.testcases``: the deterministic inputs of the notebooks' self-checks.
- ``bpkit.checks``: the helpers behind the notebooks' AUTOTEST lines, and assert_close.
- ``bpkit.data``: the cat/dog datasets (an embedded procedural set, or real images).
- ``bpkit.unwritten``: what a widget says while a function it calls is not written yet.
- ``bpkit.backward_diagram``: the figure of the whole backward pass of an L-layer network.

Shapes are column-major everywhere: X (n_x, m), Y (1, m), W{l} (n_l, n_{l-1}), b{l} (n_l, 1).
"""
