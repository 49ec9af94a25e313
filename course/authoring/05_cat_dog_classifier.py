"""Source of course/source/05_cat_dog_classifier/cat_dog_classifier.ipynb (see docs/DESIGN.md)."""

from bpkit.training_tools import PHOTOS_FULL_BATCH

from autograder.authoring import Notebook

# The training run of section 5 on the embedded images (bpkit.training_tools.model_settings of
# the "procedural" source, which must agree with these constants): about 3 s on one core
# (the whole notebook about 9 s), train accuracy 0.96 and test accuracy 0.94 against a 0.50
# majority baseline, with a smooth cost curve starting near ln 2. Each step costs about
# n_x * n_1 * m multiply-adds, three times over: 32 x 32 images would make training 4 times
# slower, and larger learning rates (0.05) make the cost jump about. The comparison of section 6
# trains a two-layer [n_x, 7, 1] network with the same settings: about half the time of the
# L-layer run, last cost 0.362, accuracy 0.95 train and 0.92 test (the L-layer: 0.342, 0.96, 0.94).
IMAGE_SIZE = 16
# Real photos (CATDOG_DATA): bpkit.training_tools.PHOTOS_FULL_BATCH, whose comment has the figures.
PHOTOS = PHOTOS_FULL_BATCH
HIDDEN = "20, 7, 5"
LEARNING_RATE = 0.0075
ITERATIONS = 1500

nb = Notebook("05_cat_dog_classifier", "cat_dog_classifier")

nb.markdown(r"""
# Cat or dog? Training a deep network end to end

In the first four assignments you built every piece of a deep network: the cost (01), the
backward step through one layer (02), backpropagation through all $L$ layers (03) and the
gradient-descent update (04). Here you put them together and train a network that looks at a
picture and says whether it shows a **cat** or a **dog**.

You will write two functions:

1. `L_layer_model`: the training loop (forward pass, cost, backward pass, update, repeated);
2. `predict`: turn the network's output probabilities into 0/1 answers.

Then you will train the network, check that it learned something (against an honest baseline),
look at what it gets wrong, compare it with a network of two layers, and let it classify a
photo of your own. Two optional appendices at the end go further: the recipe that trains on
real photos (A), and small experiments with the settings of training (B).

The earlier solutions are provided: `initialize_parameters_deep`, `L_model_forward`,
`compute_cost`, `L_model_backward` and `update_parameters` are already imported below.
Shapes are column-major as before: $X$ has shape $(n_x, m)$, one column per image, and $Y$ has
shape $(1, m)$.
""")

nb.setup("""
import copy

import numpy as np

from bpkit.init import initialize_parameters_deep
from bpkit.forward import L_model_forward
from bpkit.solved.cost_functions import compute_cost
from bpkit.solved.L_model_backward import L_model_backward
from bpkit.solved.update_rule import update_parameters
from bpkit.data import data_source, load_dataset, preprocess
from bpkit import plots, testcases
from bpkit.training_tools import (RECIPES, augment_with_flips, best_epoch, he_initialisation,
                                  input_columns, model_settings, standardise, standardiser,
                                  train_photo_recipe, train_with_early_stopping, validation_split)
from bpkit.patch_features import dictionary_pictures
from bpkit.widgets.predictions import prediction_browser, prediction_gallery
from bpkit.widgets.own_photo import photo_upload
""")

nb.markdown(r"""
## 1. The data

`load_dataset()` returns the training and test images with their labels (1 = dog, 0 = cat).
By default they are **procedurally drawn animal faces** made by the helper package: no
download, the same pictures on every machine. Cats have pointed ears on top of the head, slit
pupils and whiskers; dogs have floppy ears beside the head, round eyes and a big nose. Colour
says nothing about the class (both animals share the same fur colours), and position, size,
tilt, background and noise vary, so the network has to find the shapes.

Want real photos? Set the environment variable `CATDOG_DATA` to a folder in the Kaggle
"Dogs vs. Cats" layout (a training and a test split with `cats/` and `dogs/` sub-folders), or
to the folder holding `train_catvnoncat.h5` and `test_catvnoncat.h5` (there 1 = cat and
0 = non-cat), and restart the kernel. Nothing below depends on the number of images, but
training time grows with it: `load_dataset(size=..., n_train=1000)` keeps a random subset.

**The settings.** How to train depends on the data, so the notebook picks its settings from
the source it reads (`model_settings`): the image size, the hidden layers, the learning rate,
the number of iterations of your `L_layer_model` (full-batch gradient descent) and whether the
inputs are standardised. The drawn faces are easy: tiny {size}×{size} images train in a few
seconds. Coursera's cat-vs-non-cat photos get Coursera's own settings. Real Kaggle photos get
the same network on {photo}×{photo} images, standardised, with a larger learning rate; they are
much harder for a fully connected network, and the optional appendix A trains them the way
practice does. A fully connected network has one weight per pixel and colour channel for each
unit of its first layer, so the number of pixels sets the cost of every training step: twice
the side, four times the work (and four times the weights to overfit with).
""".replace("{size}", str(IMAGE_SIZE)).replace("{photo}", str(PHOTOS["size"])))

nb.code("""
# NBVAL_CHECK_OUTPUT
source = data_source()
settings = model_settings(source)  # model_settings lives in bpkit/training_tools.py
print("data:", source)
print("settings:", settings)
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
data = load_dataset(size=settings["size"])
train_images, test_images = data.train_x, data.test_x
print("training images:", train_images.shape, train_images.dtype)
print("training labels:", data.train_y.shape)
print("test images:    ", test_images.shape)
print("classes:", [plots.class_name(data.classes, k) for k in (0, 1)])
""")

nb.demo("""
plots.image_grid(train_images[:12], [plots.class_name(data.classes, y) for y in data.train_y[0, :12]],
                 suptitle="A few training images")
""")

nb.markdown(r"""
### Preprocessing: from pictures to columns

The network takes one column of numbers per example. `preprocess` **flattens** each
$(h, w, 3)$ image into a column of $n_x = h \cdot w \cdot 3$ pixel values and **divides by
255**, so every input lies in $[0, 1]$.

Why scale the inputs? The initialisation below is designed so that each layer's output has
about the size of its input, which only helps if the inputs themselves are of order 1. With
raw values up to 255, $Z^{[1]} = W^{[1]} X + b^{[1]}$ would be hundreds of times too large:
the output sigmoid would answer almost exactly 0 or 1 for every image (confidently wrong half
the time), and the gradients, which grow with $X$ (for instance
$dW^{[1]} = \frac{1}{m} dZ^{[1]} X^{[0]T}$ with $X^{[0]} = X$), would be hundreds of times
larger too, so that a learning rate small enough for them would barely move anything else.
Section 4 measures this.

**Real photos: standardised inputs.** Where the settings say `standardise` (real Kaggle
photos), each of the $n_x$ inputs is then shifted and scaled to mean 0 and standard deviation 1
over the training set, $x_j \leftarrow (x_j - \mu_j) / \sigma_j$, with the training set's
$\mu_j$ and $\sigma_j$ for the test images and your own photo too (they must not peek at the
test set). Pixels in $[0, 1]$ are all positive, so every weight of a first-layer unit gets a
gradient of the same sign pattern and the layer learns slowly; centred inputs let it learn at
the pace of the others. `input_columns(settings, train_images)` returns the function that does
all of it, so that every picture goes through exactly the same steps.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
to_columns = input_columns(settings, train_images)  # flatten, divide by 255 (and standardise photos)
train_x, test_x = to_columns(train_images), to_columns(test_images)
train_y, test_y = data.train_y, data.test_y
print("train_x:", train_x.shape, " test_x:", test_x.shape)
print(f"input values between {train_x.min():.1f} and {train_x.max():.1f}")
""")

nb.markdown(r"""
### The baseline to beat

Before training anything, ask: how well does a "model" do that **ignores the picture**? The
majority-class baseline always answers the class that is most frequent in the training set.
Its accuracy on the test set is the test fraction of that class. A classifier is only
interesting if it does clearly better than this; with unbalanced data (say 66% cats) a
network that always says "cat" scores 66% while having learned nothing at all.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
majority = int(train_y.mean() >= 0.5)
baseline_train = float(np.mean(train_y == majority))
baseline_test = float(np.mean(test_y == majority))
print("majority class:", plots.class_name(data.classes, majority))
print(f"baseline train accuracy: {baseline_train:.2f}")
print(f"baseline test accuracy: {baseline_test:.2f}")
""")

nb.markdown(r"""
## 2. The training loop: `L_layer_model`

The network is $[\text{LINEAR} \to \text{RELU}] \times (L-1) \to \text{LINEAR} \to
\text{SIGMOID}$, with layer sizes `layers_dims` $= [n_x, n_1, \dots, n_{L-1}, 1]$. Its output
$A^{[L]} = \hat{Y}$ is, for each image, the probability that it shows class 1 (a dog).

Gradient descent repeats four steps, each one a function you already have:

1. forward pass: `AL, caches = L_model_forward(X, parameters)`; the caches remember what each
   layer computed, because the backward pass needs it;
2. cost: $J = -\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log a^{[L](i)} + (1 - y^{(i)})
   \log(1 - a^{[L](i)}) \right)$ with `compute_cost(AL, Y)`;
3. backward pass: `grads = L_model_backward(AL, Y, caches)` gives
   $dW^{[l]} = \frac{\partial J}{\partial W^{[l]}}$ and $db^{[l]}$ for every layer;
4. update: $W^{[l]} \leftarrow W^{[l]} - \alpha \, dW^{[l]}$, $b^{[l]} \leftarrow b^{[l]} -
   \alpha \, db^{[l]}$ with `update_parameters(parameters, grads, learning_rate)`.

Start from `parameters = initialize_parameters_deep(layers_dims)` (it seeds numpy's random
generator itself, so every run starts from the same weights). Record the cost as a float at
iterations $0, 100, 200, \dots$ (the cost of that iteration's forward pass, before its
update) and, when `print_cost` is true, print `Cost after iteration i: cost` at those
iterations. Return `(parameters, costs)`.

**Why the initial weights are scaled by $1/\sqrt{n_{l-1}}$.** `initialize_parameters_deep`
draws $W^{[l]}$ from a standard normal and divides it by $\sqrt{n_{l-1}}$. A unit of layer $l$
adds up $n_{l-1}$ terms; with weights of size $1/\sqrt{n_{l-1}}$ that sum keeps roughly the
size of its inputs. A ReLU then zeroes about half of the units, so each ReLU layer still
shrinks the signal by about $\sqrt 2$ (assignment 03, section 5): only He's
$\sqrt{2/n_{l-1}}$ keeps its size at any depth. With the three hidden layers used here the loss
is a factor of about $2.8$, harmless. A fixed small scale such as $0.01$ is not: each layer
multiplies the size of the signal by about $0.01\sqrt{n_{l-1}/2}$ (0.03 for a layer reading 20
units), the output sits at 0.5 for every image and the gradients of the first layers are tiny.
On the well-known cat-vs-non-cat photos (`train_catvnoncat.h5`), a 4-layer network initialised
this way gets stuck with its cost on a plateau around $0.644$, predicting the same class for
every image, while the $1/\sqrt{n_{l-1}}$ scale trains it to 80% test accuracy. That plateau is
the **entropy of the class balance**: 72 of the 209 training images are cats ($p = 0.344$), and
a network that answers $p$ for every image, whatever it shows, costs
$H(p) = -\big(p \ln p + (1 - p) \ln(1 - p)\big) = 0.644$. Only balanced classes put the plateau
at $\ln 2$. You will measure the gradients below.

**Sanity check: the first cost.** Before training, the network has learned nothing: its
outputs are close to $0.5$, and an answer of $0.5$ costs $-\log 0.5 = \ln 2$ whatever the
label. So the first cost should be close to $\ln 2 \approx 0.693$ (a little above is normal:
random weights make a few answers mildly confident and wrong). A first cost far from that
(say 3, or nan) points to a bug before any training happens.
""")

nb.solution("L_layer_model", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train an L-layer network [LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID by gradient descent.

    Arguments:
    X -- inputs, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    layers_dims -- [n_x, n_1, ..., n_{L-1}, 1], the size of every layer
    learning_rate -- the step size alpha of gradient descent
    num_iterations -- the number of gradient-descent steps (full batch: all m examples each step)
    print_cost -- if True, print the cost every 100 iterations

    Returns:
    parameters -- the trained W1, b1, ..., WL, bL (W{l} (n_l, n_{l-1}), b{l} (n_l, 1))
    costs -- list of floats: the cost at iterations 0, 100, 200, ...
    """
    # 1. parameters: initialize_parameters_deep(layers_dims); costs: an empty list.
    # 2. Loop num_iterations times:
    #    a. forward: L_model_forward gives AL and caches;
    #    b. cost: compute_cost of AL and Y;
    #    c. backward: L_model_backward gives grads;
    #    d. update: update_parameters with learning_rate gives the new parameters;
    #    e. every 100 iterations (i % 100 == 0), append the cost as a float to costs and, if
    #       print_cost, print "Cost after iteration i: cost".
    # (about 11 lines)
    ### BEGIN SOLUTION
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print(f"Cost after iteration {i}: {float(cost):.6f}")
    ### END SOLUTION
    return parameters, costs
''')

nb.markdown(r"""
Your self-check: 301 iterations on a small problem (6 features, 40 examples) with a
$[6, 5, 3, 1]$ network, which records the costs of iterations 0, 100, 200 and 300.
""")

nb.check("L_layer_model", """
X, Y = testcases.training_case()
_parameters, _costs = L_layer_model(X, Y, [6, 5, 3, 1], 0.3, 301, False)
### HASHED AUTOTEST len(_costs)
### AUTOTEST _costs
### AUTOTEST _parameters
### HASHED AUTOTEST _parameters["W2"].shape
""")

nb.hidden_tests("L_layer_model")

nb.markdown(r"""
## 3. From probabilities to answers: `predict`

The network outputs a probability $a^{[L](i)} = P(y^{(i)} = 1 \mid x^{(i)})$ for each image.
To answer "dog" or "cat", threshold it: predict $1$ where $a^{[L](i)} > 0.5$ and $0$
otherwise. Run the forward pass with `L_model_forward` (the caches are not needed here) and
return a $(1, m)$ array of 0/1 labels.
""")

nb.solution("predict", '''
def predict(X, parameters):
    """Predict 0/1 labels with a trained L-layer network.

    Arguments:
    X -- inputs, shape (n_x, m)
    parameters -- W1, b1, ..., WL, bL as returned by L_layer_model

    Returns:
    predictions -- shape (1, m): 1 where the output probability is > 0.5, else 0
    """
    # 1. AL (and caches, unused): L_model_forward of X and parameters.
    # 2. predictions: 1 where AL > 0.5, else 0, as integers (astype(int)).
    # (about 2 lines)
    ### BEGIN SOLUTION
    AL, caches = L_model_forward(X, parameters)
    predictions = (AL > 0.5).astype(int)
    ### END SOLUTION
    return predictions
''')

nb.check("predict", """
X, _ = testcases.training_case()
_parameters, _ = testcases.update_parameters_case((6, 5, 3, 1))
_predictions = predict(X, _parameters)
### HASHED AUTOTEST _predictions.shape
### AUTOTEST _predictions
""")

nb.hidden_tests("predict")

nb.markdown(r"""
## 4. Before training: the first cost, the initial weights and the input scale

Let us check the sanity rule on the real network before spending time on training. The
network has three hidden layers, of sizes """ + HIDDEN + r""". We compute its first cost and
the size of the gradient each weight matrix receives (the root mean square of the entries of
$dW^{[l]}$) three times: with the provided initialisation, with the same random draws
rescaled to $0.01$, and with the provided initialisation but unscaled pixels (0 to 255).
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
check_dims = [train_x.shape[0], *settings["hidden"], 1]  # the network trained in section 5


def first_pass(start, inputs):
    \"\"\"The first cost on (inputs, train_y) and the root-mean-square gradient of each W.\"\"\"
    AL, caches = L_model_forward(inputs, start)
    grads = L_model_backward(AL, train_y, caches)
    sizes = [np.sqrt(np.mean(grads[f"dW{l}"] ** 2)) for l in range(1, len(check_dims))]
    return float(compute_cost(AL, train_y)), sizes


scaled = initialize_parameters_deep(check_dims)
small = copy.deepcopy(scaled)
for l in range(1, len(check_dims)):
    small[f"W{l}"] = scaled[f"W{l}"] * np.sqrt(check_dims[l - 1]) * 0.01

first_runs = [("weights / sqrt(n)", scaled, train_x),
              ("weights * 0.01   ", small, train_x),
              ("raw pixels       ", scaled, 255 * preprocess(train_images))]
print(f"ln 2 = {np.log(2):.3f}")
for name, start, inputs in first_runs:
    first_cost, sizes = first_pass(start, inputs)
    sizes = " ".join(f"{s:.0e}" for s in sizes)
    print(f"{name}: first cost {first_cost:.3f}, gradient sizes (layers 1 to L) {sizes}")
""")

nb.markdown(r"""
- **Weights / $\sqrt{n_{l-1}}$** (the provided initialisation): the first cost is close to
  $\ln 2$ and every layer receives a gradient of a useful size.
- **Weights × 0.01**: the first cost is $\ln 2$ almost exactly (every output is 0.5), but the
  gradient reaching the first layer is several orders of magnitude smaller, because on its way
  back it is multiplied by every tiny weight matrix above. Those layers hardly move, and
  training stalls on a plateau.
- **Raw pixels**: the first cost is far above $\ln 2$ (the outputs are pushed to 0 or 1 and
  half of them are confidently wrong) and the gradients are thousands of times larger. The
  sanity check catches the missing division by 255 before any training happens.

## 5. Training

Now train the network on the images with your `L_layer_model`: full-batch gradient descent,
with the learning rate and number of iterations of the settings. `layers_dims` is defined
here, in the cell that trains, so that the cell gives the same network whatever you ran
before it.
""")

nb.code("""
layers_dims = [train_x.shape[0], *settings["hidden"], 1]  # [n_x, n_1, ..., n_{L-1}, 1]
learning_rate, num_iterations = settings["learning_rate"], settings["iterations"]
parameters, costs = L_layer_model(train_x, train_y, layers_dims, learning_rate, num_iterations,
                                  print_cost=True)
initial_parameters = initialize_parameters_deep(layers_dims)  # where training started
""")

nb.demo("""
plots.cost_curve(costs, learning_rate)
""")

nb.markdown(r"""
The curve should start near the dashed line at $\ln 2$ and go down. A curve that goes up or
jumps around means the learning rate is too large; one that is almost flat means it is too
small, or (as above) that the initialisation starves the first layers of gradient.

## 6. How good is it?

Accuracy is the fraction of images whose prediction equals the label. Compare it with the
majority baseline computed earlier: the network has learned something from the pictures only
where it does clearly better than that. Also compare training and test accuracy: a network
that is much better on the images it was trained on than on new ones has partly memorised
its training set (it **overfits**).
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
train_predictions = predict(train_x, parameters)
test_predictions = predict(test_x, parameters)
train_accuracy = float(np.mean(train_predictions == train_y))
test_accuracy = float(np.mean(test_predictions == test_y))
print(f"train accuracy: {train_accuracy:.2f}")
print(f"test accuracy: {test_accuracy:.2f}")
print(f"majority baseline (test): {baseline_test:.2f}")
print(f"improvement over the baseline: {test_accuracy - baseline_test:+.2f}")
""")

nb.markdown(r"""
Accuracy hides *which* mistakes the network makes. The confusion matrix counts, for each true
class (rows), how the images were classified (columns): the diagonal holds the right answers.
A network that always answers the majority class would have one empty column.
""")

nb.demo("""
plots.confusion_matrix(test_y, test_predictions, data.classes, title="Test set")
""")

nb.markdown(r"""
### The most instructive test images

The gallery shows the network's **worst mistakes first**: the wrong answers it gave with the
most confidence (a probability far from $0.5$, on the wrong side). After the mistakes come
the right answers it was **least certain** about (a probability close to $0.5$). Under each
image: its label, the probability of class 1 and whether `predict` got it right. Do the worst
mistakes have something in common (an unusual pose, a dark background, a tiny animal)?
""")

nb.demo("""
prediction_gallery(test_images, test_x, test_y, parameters, L_model_forward, predict, data.classes)
""")

nb.markdown(r"""
### Browse the predictions

Move the slider over the test images: for each one you see the picture, its label, and the
probability the network gives to class 1 against the $0.5$ threshold your `predict` uses.
(The slider needs a running kernel.)
""")

nb.demo("""
prediction_browser(test_images, test_x, test_y, parameters, L_model_forward, predict, data.classes)
""")

nb.markdown(r"""
### Two layers or L layers?

Is depth worth it? Train a **two-layer** network, $\text{LINEAR} \to \text{RELU} \to
\text{LINEAR} \to \text{SIGMOID}$ with 7 hidden units, on the same images, with the same
learning rate and number of iterations, and compare it with your $L$-layer network. No new
code is needed: a two-layer network is your `L_layer_model` with
`layers_dims` $= [n_x, 7, 1]$. Both start from `initialize_parameters_deep`, so the figures
are the same on every run.
""")

nb.code("""
# NBVAL_CHECK_OUTPUT
two_layer_dims = [train_x.shape[0], 7, 1]
two_layer_parameters, two_layer_costs = L_layer_model(train_x, train_y, two_layer_dims,
                                                      learning_rate, num_iterations)
print(f"{'network':<9} {'layers_dims':<20} {'last cost':>9} {'train':>6} {'test':>6}")
for name, dims, trained, trained_costs in [("2-layer", two_layer_dims, two_layer_parameters, two_layer_costs),
                                           (f"{len(layers_dims) - 1}-layer", layers_dims, parameters, costs)]:
    on_train = float(np.mean(predict(train_x, trained) == train_y))
    on_test = float(np.mean(predict(test_x, trained) == test_y))
    print(f"{name:<9} {str(dims):<20} {trained_costs[-1]:>9.3f} {on_train:>6.2f} {on_test:>6.2f}")
""")

nb.markdown(r"""
On the drawn faces both networks learn well, and the deeper one a little better: a lower
final cost and a couple of points more accuracy (with 100 test images, one image is 0.01, so
read small differences with care). The two-layer network trains about twice as fast. On
Coursera's cat photos the gap is wider (about 0.72 test accuracy for its two-layer network
against 0.80 for its four layers): harder pictures reward the extra layers, which combine the
first layer's detectors into larger parts. On Kaggle's photos, with this notebook's settings
for them (16×16 pixels, standardised), it is the other way round: on 500 unseen photos the
two-layer network scored about 0.66 and the four layers about 0.62, after reaching 0.81 and
0.88 on the training photos. With a few thousand photos the extra layers mostly help the
network memorise its training set (appendix A does better on both counts). Try other
`two_layer_dims` (more hidden units) and see whether width alone closes the gap.

## 7. Try your own photo

Upload a photo of a cat or a dog (a JPEG or PNG file from your computer). It is prepared
exactly like the training images: squashed to a square of the training size, flattened into a
column and divided by 255 (and standardised with the training set's statistics, on real
photos: the same `to_columns`). Then your own `predict` classifies it with the network trained in
section 5, and the bar shows the probability of class 1. (The button needs a running kernel;
write `predict` first.) A fully connected network trained on a few hundred small pictures is
easily fooled: try a photo where the animal fills the frame, then one where it does not.
""")

nb.demo("""
photo_upload(parameters, L_model_forward, predict, settings["size"], data.classes, to_columns)
""")

nb.markdown(r"""
## 8. What did the network learn?

Each unit of the first layer computes $z = w \cdot x + b$, a weighted sum of all the pixels:
its weight vector $w$ (one row of $W^{[1]}$) has one entry per pixel and colour channel, so it
can be shown as an image. The trained weights are still dominated by their random starting
values, so we show what **training added**: $W^{[1]}_{\text{trained}} -
W^{[1]}_{\text{initial}}$, one picture per unit. Grey means "no change"; the coloured
regions are the pixels whose brightness now pushes the unit up or down. You should recognise
parts of faces: ears, eyes, a nose.
""")

nb.code("""
change = (parameters["W1"] - initial_parameters["W1"])[:20]  # the first 20 units
change = change.reshape(-1, *test_images.shape[1:])
largest = np.abs(change).max(axis=(1, 2, 3), keepdims=True)
pictures = 0.5 + 0.5 * change / np.maximum(largest, 1e-12)  # grey = unchanged
unit_titles = [f"unit {k + 1}" + (" (dead)" if largest[k].item() == 0 else "")
               for k in range(len(change))]
plots.image_grid(pictures, unit_titles, columns=10,
                 suptitle="What training added to the first-layer weights")
""")

nb.markdown(r"""
A unit marked "dead" did not change at all: its weighted sum was negative for every training
image, so its ReLU output was always 0 and, since the ReLU's slope there is 0, no gradient
ever reached its weights. The deeper layers combine the detectors that did learn, and the
last layer weighs their evidence into a probability.

The pixel templates are tied to pixel positions: a unit that responds to a pointed ear at
the top left says nothing about the same ear a few pixels to the right. That is the main
weakness of fully connected networks on pictures. On the drawn faces, where the animals are
roughly centred and the cues are simple, they do well. On real photos (set `CATDOG_DATA` and
run the notebook again) the animals appear anywhere, at any size, against cluttered
backgrounds: on Kaggle's dogs-vs-cats photos full-batch training on the pixels (Coursera's
settings: 64×64, pixels divided by 255) reaches only about 0.58 to 0.60 test accuracy after
minutes of training, barely better than the 0.50 baseline. This notebook's settings for photos
({size}×{size} pixels, standardised, learning rate {lr}, {iterations} iterations) reach about
0.62 in about 10 s of computing, while the training accuracy climbs towards 0.9: the network
memorises faster than it learns what a cat is. (On 32×32 pixels divided by 255, the settings of
the drawn faces reached only 0.56 in more than twice the time, their cost hardly below $\ln 2$.)
Appendix A shows how far the same functions go with the recipe of practice (about 0.73 on the
same photos).

Convolutional networks take that idea all the way: their first layers are small patterns
slid over the image, *learned by backpropagation* together with the rest of the network,
layer upon layer. They are far better on images, and they are trained with exactly the
backpropagation you have written in this course.

**Summary.** Training is a loop over four functions you wrote: forward, cost, backward,
update. Scale the inputs, initialise the weights by $1/\sqrt{n_{l-1}}$ (or He's
$\sqrt{2/n_{l-1}}$ for deeper ReLU networks), check that the first cost is near $\ln 2$ and
that it goes down below the entropy of the class balance, and always judge the accuracy against the majority
baseline.
""".replace("{size}", str(PHOTOS["size"])).replace("{lr}", str(PHOTOS["learning_rate"])).replace(
    "{iterations}", f"{PHOTOS['iterations']:,}"))

nb.markdown(r"""
## Appendix A (optional): the photo recipe for real photos

With real photos (`CATDOG_DATA`, section 1) a network on the pixels overfits quickly and
learns slowly, so practice trains differently, with the very same functions
(`L_model_forward`, `compute_cost`, `L_model_backward`, `update_parameters`, your `predict`):

1. **patch features** (`patches`): a first layer that looks at every pixel position with its
   own weights cannot tell that an ear at the top left and an ear a little to the right are
   the same thing. So the recipe first learns a dictionary of 256 small patterns (squares of
   6×6 pixels: edges, corners, patches of fur colour) from the training images, then
   describes each photo by how strongly each pattern appears in each quarter of it. The
   network reads these $4 \times 256 = 1024$ numbers instead of the pixels
   (`bpkit/patch_features.py` explains how the patterns are found);
2. **a validation split**: 20% of the training images are held out, never trained on, to
   decide when to stop (the test set stays untouched until the very end);
3. **mirror images** (augmentation): a cat looking left is still a cat, so the mirror image of
   every training photo is a second training example for free;
4. **standardised inputs**: each input has mean 0 and standard deviation 1 over the training
   images (using the *training* statistics for every split);
5. **He initialisation** ($W^{[l]} \sim \mathcal{N}(0, 1) \cdot \sqrt{2 / n_{l-1}}$, made for
   ReLU layers), then **mini-batch** gradient descent: one update per batch of 64 images,
   many updates per pass over the data (an *epoch*);
6. **early stopping**: after every epoch, measure the validation accuracy and keep the
   parameters of the best epoch; stop when it has not improved for `patience` epochs;
7. **an average of several networks** (`members`): each one starts from its own random
   weights and holds out its own validation images. On photos a single network's test
   accuracy moves by a few points from one random start to the next; the average vote of
   five networks is better and steadier. The average is itself one wider network
   (`average_networks` puts the members side by side and averages their last layers), so
   your `predict` works on it unchanged.

`train_photo_recipe` (in `bpkit/training_tools.py`, read it!) does exactly these steps with
the functions you pass it and returns what the network reads (`photo_run.train_x`,
`photo_run.test_x`: the patch features, standardised). It runs by itself on real photos; set
`RUN_PHOTO_RECIPE = True` to try it on the drawn faces too. It loads its own copy of the images,
at its own size (32×32), and keeps its results in names of its own (`photo_data`, `photo_run`,
...), so your network of section 5 stays as it was.

On Kaggle's dogs-vs-cats photos, a network on the pixels reaches only about 0.67 even with
every other step of the recipe (mirror images, standardised inputs, He initialisation,
mini-batches, early stopping, an average of ten networks). Patch features lift it to about
0.75 (between 0.73 and 0.80 on different sets of 400 unseen photos) in about 20 s, because a
pattern is recognised wherever it appears in a quarter of the photo: what is learned at one
position is shared with every other. A few hundred test images measure accuracy only to about
±0.02.
""")

nb.code("""
RUN_PHOTO_RECIPE = source == "photos"
photo_recipe = RECIPES["photos"]
if RUN_PHOTO_RECIPE:
    photo_data = load_dataset(size=photo_recipe["size"])  # its own image size: its own copy
    photo_x, photo_test_x = preprocess(photo_data.train_x), preprocess(photo_data.test_x)
    photo_run = train_photo_recipe(
        photo_x, photo_data.train_y, photo_test_x, photo_data.train_x.shape[1:],
        [photo_x.shape[0], *photo_recipe["hidden"], 1], photo_recipe,
        forward=L_model_forward, backward=L_model_backward, update=update_parameters,
        cost=compute_cost, predict=predict, print_every=1)
    print("best epoch of each network:", [best_epoch(h)["epoch"] for h in photo_run.history])
    photo_train = float(np.mean(predict(photo_run.train_x, photo_run.parameters) == photo_data.train_y))
    photo_test = float(np.mean(predict(photo_run.test_x, photo_run.parameters) == photo_data.test_y))
    print(f"photo recipe train accuracy: {photo_train:.2f}")
    print(f"photo recipe test accuracy: {photo_test:.2f}")
else:
    print("The photo recipe runs on real photos (CATDOG_DATA), or with RUN_PHOTO_RECIPE = True.")
""")

nb.markdown(r"""
The training history of the first network (its validation accuracy against the dashed
majority baseline, the star at the epoch early stopping kept), and the patterns of the
dictionary, one feature per pattern and quarter: each is a 6×6 square of colour (grey is the
average, light and dark its contrasts). Look for edges at every angle, corners, stripes and
blobs of fur colour, learned from the training photos alone. A unit of the first layer weighs
how much of each pattern appears in each quarter of the photo.
""")

nb.code("""
if RUN_PHOTO_RECIPE:
    display(plots.training_history(photo_run.history[0], baseline=baseline_train))
    patterns = dictionary_pictures(photo_run.dictionary)
    display(plots.image_grid(patterns[:40], columns=10,
                             suptitle=f"40 of the {len(patterns)} patterns of the dictionary"))
""")

nb.markdown(r"""
## Appendix B (optional): experiments

Each cell below is an optional experiment on a small part of the data you loaded (a few
hundred images, a few epochs of mini-batch training), so that it runs in about a second. Set
`RUN_EXPERIMENTS = False` to skip them all. `experiment` trains a fresh network on 75% of the
subset and reports the final mean training cost and the best accuracy on the other 25%
(the validation part). With so few images these numbers move by several points from one
seed to the next: look for large differences only.
""")

nb.code("""
RUN_EXPERIMENTS = True
sub_images, sub_y = train_images[:400], train_y[:, :400]
sub_x = preprocess(sub_images)
sub_dims = [sub_x.shape[0], *settings["hidden"], 1]


def experiment(X, Y, dims, init=he_initialisation, learning_rate=0.05, batch_size=16,
               epochs=10, flips=False, image_shape=None):
    \"\"\"(final mean training cost, best validation accuracy) of a short mini-batch run.\"\"\"
    fit_x, fit_y, val_x, val_y = validation_split(X, Y, 0.25, seed=0)
    if flips:
        fit_x, fit_y = augment_with_flips(fit_x, fit_y, image_shape)
    _, runs = train_with_early_stopping(
        fit_x, fit_y, val_x, val_y, init(dims), forward=L_model_forward,
        backward=L_model_backward, update=update_parameters, cost=compute_cost,
        predict=predict, learning_rate=learning_rate, batch_size=batch_size,
        max_epochs=epochs, patience=epochs)
    return runs[-1]["train_cost"], best_epoch(runs)["val_accuracy"]


def report(name, result):
    print(f"{name:<28} training cost {result[0]:.3f}   validation {result[1]:.2f}")
""")

nb.markdown(r"""
**Input standardisation.** Dividing by 255 puts the pixels in $[0, 1]$, but every pixel keeps
a mean around 0.5 and its own spread. Standardising (subtract each pixel's training mean,
divide by its standard deviation) centres every input on 0 with spread 1, which suits the
initialisation and lets one learning rate fit every weight. Raw pixels (0 to 255) are far too
large.
""")

nb.code("""
if RUN_EXPERIMENTS:
    mu, sigma = standardiser(sub_x)
    report("raw pixels (0 to 255)", experiment(255 * sub_x, sub_y, sub_dims))
    report("divided by 255", experiment(sub_x, sub_y, sub_dims))
    report("standardised", experiment(standardise(sub_x, mu, sigma), sub_y, sub_dims))
""")

nb.markdown(r"""
**Weight scale.** The same network started from weights of size 0.01, from the provided
$1/\sqrt{n_{l-1}}$ scale, and from He's $\sqrt{2/n_{l-1}}$ (made for ReLU, which zeroes half of
its inputs). With 0.01 the signal shrinks at every layer: the cost stays on its plateau at the
entropy of the class balance, $H(p) = -\big(p \ln p + (1 - p) \ln(1 - p)\big)$ with $p$ the
fraction of class 1 ($\ln 2 \approx 0.693$ when the classes are balanced), and the network
answers one class.
""")

nb.code("""
def scaled_init(scale):
    def init(dims):
        parameters = he_initialisation(dims)
        for l in range(1, len(dims)):
            parameters[f"W{l}"] *= scale / np.sqrt(2 / dims[l - 1])
        return parameters
    return init


if RUN_EXPERIMENTS:
    standard_x = standardise(sub_x, *standardiser(sub_x))
    report("weights * 0.01", experiment(standard_x, sub_y, sub_dims, init=scaled_init(0.01)))
    report("weights / sqrt(n)", experiment(standard_x, sub_y, sub_dims,
                                           init=initialize_parameters_deep))
    report("He: weights * sqrt(2 / n)", experiment(standard_x, sub_y, sub_dims))
""")

nb.markdown(r"""
**Learning rate.** Too small and the cost hardly moves in 10 epochs; too large and it jumps
about or blows up (a cost of nan or inf means the outputs reached exactly 0 or 1).
""")

nb.code("""
if RUN_EXPERIMENTS:
    with np.errstate(all="ignore"):
        for rate in (0.0005, 0.005, 0.05, 0.5):
            report(f"learning rate {rate}", experiment(standard_x, sub_y, sub_dims,
                                                       learning_rate=rate))
""")

nb.markdown(r"""
**Image size.** Smaller images train faster (the first layer has one weight per pixel) but
lose detail; bigger ones cost four times more per doubling of the side and give a fully
connected network more weights to overfit with.
""")

nb.code("""
if RUN_EXPERIMENTS:
    for side in (8, 16, 32):
        side_data = load_dataset(size=side, n_train=400, n_test=2)
        side_x = preprocess(side_data.train_x)
        side_x = standardise(side_x, *standardiser(side_x))
        side_dims = [side_x.shape[0], *settings["hidden"], 1]
        report(f"{side} x {side} images", experiment(side_x, side_data.train_y, side_dims))
""")

nb.markdown(r"""
**Mirror images.** Adding the left-right mirror of each training image (after the
validation split, so that no validation image is seen mirrored) doubles the training set.
On photos, where animals face either way, it usually helps; it costs twice the time per epoch.
""")

nb.code("""
if RUN_EXPERIMENTS:
    shape = sub_images.shape[1:]
    report("without mirror images", experiment(standard_x, sub_y, sub_dims))
    report("with mirror images", experiment(standard_x, sub_y, sub_dims, flips=True,
                                            image_shape=shape))
""")

nb.markdown(r"""
**Mini-batches.** For the same number of epochs (passes over the data), smaller batches make
more updates: the cost falls further per epoch, at the price of noisier steps. Full batch
(one update per epoch, as in `L_layer_model`) barely moves in 10 epochs.
""")

nb.code("""
if RUN_EXPERIMENTS:
    for size in (8, 32, 128, 300):  # 300: the whole training part, one update per epoch
        updates = 10 * -(-300 // size)
        report(f"batch {size} ({updates} updates)", experiment(standard_x, sub_y, sub_dims,
                                                           batch_size=size))
""")

nb.markdown(r"""
**Validation and early stopping.** Train for many epochs and watch both curves: the training
cost keeps falling, while the validation accuracy rises, levels off and then wanders or
drops as the network starts memorising its training images. Early stopping keeps the
parameters of the best validation epoch (the star). Judge the result against the dashed
majority baseline: on balanced classes it is 0.50, on unbalanced ones it can be much higher.
""")

nb.code("""
if RUN_EXPERIMENTS:
    fit_x, fit_y, val_x, val_y = validation_split(standard_x, sub_y, 0.25, seed=0)
    _, long_run = train_with_early_stopping(
        fit_x, fit_y, val_x, val_y, he_initialisation(sub_dims), forward=L_model_forward,
        backward=L_model_backward, update=update_parameters, cost=compute_cost,
        predict=predict, learning_rate=0.05, batch_size=16, max_epochs=30, patience=30)
    display(plots.training_history(long_run, baseline=float(np.mean(val_y == majority))))
""")

nb.concept_section()

nb.concept("q_plateau_cost")
nb.concept("q_threshold")
nb.concept("q_parameter_count")

nb.markdown(r"""
## In your own words (graded by hand)

Answer in the markdown cell below the question, in a few sentences; your instructor grades it
by hand, so it appears as "awaiting manual grading" until then.
""")

nb.written(
    "written_explain_accuracy",
    r"""Explain in your own words why section 6 compares the test accuracy with the majority-class
    baseline, and what a training accuracy much higher than the test accuracy would tell you.""",
    2,
    [(1, r"""always answering the commoner class reaches the baseline accuracy with no learning at all,
      so only an accuracy above it shows the network learned something from the images."""),
     (1, r"""a large gap between training and test accuracy means overfitting: the network has partly
      memorised its training images instead of what carries over to new ones.""")],
    r"""A classifier that ignores the picture and always answers the commoner class is already right
    on that class's share of the test set, so an accuracy means something only by how far it is
    above that baseline. If the network does much better on its training images than on the test
    images, it has partly memorised the training set (it overfits): what it learned does not carry
    over to pictures it has not seen.""")
